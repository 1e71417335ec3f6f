import { useState } from 'preact/hooks';
import { Button } from '../components/ui';
import { t } from '../i18n';
import { useCommunes } from './parts';

export interface Point {
  lat: number;
  lng: number;
  accuracy?: number | undefined;
}

interface Props {
  point: Point | null;
  onPoint: (p: Point | null) => void;
  communeCode: string;
  onCommune: (code: string) => void;
  address: string;
  onAddress: (value: string) => void;
  errors: { location?: string | undefined; communeCode?: string | undefined; address?: string | undefined };
}

/** "Where": the phone's position (one tap), or a commune/ward from the list and a street address. */
export function LocationInput(props: Props) {
  const communes = useCommunes();
  const [locating, setLocating] = useState(false);
  const [denied, setDenied] = useState(false);

  function locate() {
    if (!navigator.geolocation) return setDenied(true);
    setLocating(true);
    setDenied(false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        props.onPoint({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: pos.coords.accuracy });
      },
      () => {
        setLocating(false);
        setDenied(true);
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  const locationError = props.errors.location;
  return (
    <fieldset class={`field fb-location${locationError ? ' has-error' : ''}`} data-testid="feedback-location">
      <legend>{t('feedback.location')}</legend>
      {props.point ? (
        <div class="card" data-testid="feedback-point">
          <p>
            {t('feedback.located', {
              lat: props.point.lat.toFixed(5),
              lng: props.point.lng.toFixed(5),
              m: Math.round(props.point.accuracy ?? 0),
            })}
          </p>
          <Button type="button" variant="link" onClick={() => props.onPoint(null)}>
            {t('feedback.clearLocation')}
          </Button>
        </div>
      ) : (
        <Button
          type="button"
          variant="secondary"
          busy={locating}
          onClick={locate}
          data-testid="feedback-locate"
        >
          {locating ? t('feedback.locating') : t('feedback.useLocation')}
        </Button>
      )}
      {denied && (
        <p class="notice" role="status">
          {t('feedback.locationDenied')}
        </p>
      )}
      {locationError && (
        <p class="field-error" data-testid="error-location">
          {locationError}
        </p>
      )}
      <p class="hint center">{t('feedback.orCommune')}</p>
      <div class={`field${props.errors.communeCode ? ' has-error' : ''}`}>
        <label for="f-communeCode">{t('feedback.commune')}</label>
        <select
          id="f-communeCode"
          name="communeCode"
          data-testid="feedback-commune"
          value={props.communeCode}
          onChange={(e) => props.onCommune(e.currentTarget.value)}
        >
          <option value="">{t('feedback.communePick')}</option>
          {(communes ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {props.errors.communeCode && <p class="field-error">{props.errors.communeCode}</p>}
      </div>
      <div class={`field${props.errors.address ? ' has-error' : ''}`}>
        <label for="f-address">{t('feedback.address')}</label>
        <input
          id="f-address"
          name="address"
          data-testid="feedback-address"
          value={props.address}
          maxLength={300}
          autoComplete="street-address"
          onInput={(e) => props.onAddress(e.currentTarget.value)}
        />
        {props.errors.address && (
          <p class="field-error" data-testid="error-address">
            {props.errors.address}
          </p>
        )}
        <p class="hint">{t('feedback.addressHint')}</p>
      </div>
    </fieldset>
  );
}
