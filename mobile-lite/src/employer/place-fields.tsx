import { useCommunes } from '../feedback/parts';
import { t } from '../i18n';
import { SelectField } from './fields';
import { useZones, zoneOptions } from './refs';

export interface Place {
  zoneCode: string;
  communeCode: string;
}

/**
 * Where: the industrial zone (or none) and the commune/ward, picked from the province's lists as the
 * feedback form does. A zone lies in a commune: choosing it fills the commune when none is chosen yet.
 */
export function PlaceFields(props: {
  value: Place;
  onChange: (change: Partial<Place>) => void;
  errors: Partial<Record<keyof Place, string | undefined>>;
}) {
  const communes = useCommunes();
  const zones = useZones();
  return (
    <>
      <SelectField
        name="zoneCode"
        label={t('employer.f.zone')}
        value={props.value.zoneCode}
        onValue={(zoneCode) => {
          const inCommune = zones?.find((z) => z.code === zoneCode)?.communeCode;
          props.onChange({
            zoneCode,
            ...(inCommune && !props.value.communeCode ? { communeCode: inCommune } : {}),
          });
        }}
        error={props.errors.zoneCode}
        placeholder={t('employer.f.zoneNone')}
        options={zoneOptions(zones)}
      />
      <SelectField
        name="communeCode"
        label={t('employer.f.commune')}
        value={props.value.communeCode}
        onValue={(communeCode) => props.onChange({ communeCode })}
        error={props.errors.communeCode}
        placeholder={t('employer.pick')}
        options={(communes ?? []).map((c) => ({ value: c.code, label: c.name }))}
      />
    </>
  );
}
