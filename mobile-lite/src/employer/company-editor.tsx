import { useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed, refreshSession } from '../api/client';
import { describeProblem } from '../api/problem';
import { Alert, Button, Field } from '../components/ui';
import { t } from '../i18n';
import {
  changesNeedReview,
  checkCompany,
  companyBody,
  companyChanges,
  companyValues,
  COMPANY_FIELDS,
  COMPANY_SIZES,
  EMPTY_COMPANY,
  flattenContactPaths,
  type Company,
  type CompanyField,
  type CompanyValues,
} from './company-form';
import { focusFirstError, formMessage, InputField, SelectField } from './fields';
import { PlaceFields } from './place-fields';
import { industryOptions, useIndustries } from './refs';

export type CompanySaved =
  { kind: 'created'; company: Company } | { kind: 'updated'; company: Company; review: boolean };

/**
 * Register a company (no `company`) or edit one. The phone checks the shape of every field first; the
 * API's precise errors (a tax code's check digit, a tax code already registered…) land at their field.
 */
export function CompanyEditor(props: {
  company?: Company;
  onSaved: (saved: CompanySaved) => void;
  /** The API answered identity_level_required (the CCCD is not declared). */
  onNeedLevel?: () => void;
  onCancel?: () => void;
}) {
  const before = props.company;
  const [v, setV] = useState<CompanyValues>(before ? companyValues(before) : EMPTY_COMPANY);
  const [errors, setErrors] = useState<Partial<Record<CompanyField, string>>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const industries = useIndustries();

  const set = (name: CompanyField) => (value: string) => {
    setV((old) => ({ ...old, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };
  const changes = before ? companyChanges(before, v) : null;

  async function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setMessage(null);
    const local = checkCompany(v);
    if (Object.keys(local).length) {
      setErrors(Object.fromEntries(Object.entries(local).map(([k, key]) => [k, t(key)])));
      setMessage({ kind: 'error', text: t('employer.checkFields') });
      return focusFirstError(form);
    }
    if (before && changes && !Object.keys(changes).length) {
      setMessage({ kind: 'info', text: t('employer.noChanges') });
      return;
    }
    setBusy(true);
    const o = before
      ? await attempt(() =>
          authed(() =>
            api.PATCH('/api/v1/work/companies/{id}', {
              params: { path: { id: before.id } },
              body: changes ?? {},
            }),
          ),
        )
      : await attempt(() => authed(() => api.POST('/api/v1/work/companies', { body: companyBody(v) })));
    if (o.ok && o.result.data) {
      const data = o.result.data;
      // The employer role is in the token: a new owner refreshes it before using the employer routes.
      if ('refreshSession' in data && data.refreshSession) await refreshSession();
      setBusy(false);
      props.onSaved(
        before
          ? {
              kind: 'updated',
              company: data,
              review: data.status === 'pending' && before.status !== 'pending',
            }
          : { kind: 'created', company: data },
      );
      return;
    }
    setBusy(false);
    if (!o.ok && o.code === 'identity_level_required' && props.onNeedLevel) return props.onNeedLevel();
    if (!o.ok && o.status === 401) return;
    const shown = o.ok ? null : describeProblem(flattenContactPaths(o.problem), COMPANY_FIELDS);
    setErrors(shown?.fields ?? {});
    setMessage({ kind: 'error', text: formMessage(shown?.message ?? t('error.unknown')) });
    focusFirstError(form);
  }

  return (
    <form class="form" noValidate onSubmit={(e) => void submit(e)} data-testid="company-form">
      <Field
        name="name"
        label={t('employer.f.name')}
        value={v.name}
        onValue={set('name')}
        error={errors.name}
        maxLength={200}
        testId="em-name"
      />
      <Field
        name="taxCode"
        label={t('employer.f.taxCode')}
        value={v.taxCode}
        onValue={set('taxCode')}
        error={errors.taxCode}
        hint={t('employer.f.taxHint')}
        inputMode="numeric"
        maxLength={14}
        testId="em-taxCode"
      />
      <Field
        name="address"
        label={t('employer.f.address')}
        value={v.address}
        onValue={set('address')}
        error={errors.address}
        maxLength={300}
        autoComplete="street-address"
        testId="em-address"
      />
      <PlaceFields
        value={v}
        onChange={(change) => {
          setV((old) => ({ ...old, ...change }));
          setErrors((e) => ({ ...e, zoneCode: undefined, communeCode: undefined }));
        }}
        errors={errors}
      />
      <SelectField
        name="industry"
        label={t('employer.f.industry')}
        value={v.industry}
        onValue={set('industry')}
        error={errors.industry}
        placeholder={t('employer.pick')}
        options={industryOptions(industries)}
      />
      <SelectField
        name="size"
        label={t('employer.f.size')}
        value={v.size}
        onValue={set('size')}
        error={errors.size}
        placeholder={t('employer.pick')}
        options={COMPANY_SIZES.map((s) => ({ value: s, label: t('employer.f.sizeValue', { size: s }) }))}
      />
      <fieldset class="em-group">
        <legend>{t('employer.f.contact')}</legend>
        <Field
          name="contactName"
          label={t('employer.f.contactName')}
          value={v.contactName}
          onValue={set('contactName')}
          error={errors.contactName}
          maxLength={120}
          autoComplete="name"
          testId="em-contactName"
        />
        <Field
          name="contactPhone"
          label={t('employer.f.contactPhone')}
          type="tel"
          inputMode="tel"
          value={v.contactPhone}
          onValue={set('contactPhone')}
          error={errors.contactPhone}
          maxLength={20}
          testId="em-contactPhone"
        />
        <InputField
          name="contactEmail"
          type="email"
          label={t('employer.f.contactEmail')}
          value={v.contactEmail}
          onValue={set('contactEmail')}
          error={errors.contactEmail}
          maxLength={200}
        />
      </fieldset>
      {before && changes && changesNeedReview(before, changes) && (
        <p class="notice" data-testid="company-review-warning">
          {t('employer.reviewCompany')}
        </p>
      )}
      <Alert kind={message?.kind} message={message?.text} />
      <Button busy={busy} data-testid="company-save">
        {before ? t('employer.save') : t('employer.register')}
      </Button>
      {props.onCancel && (
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('employer.cancel')}
        </Button>
      )}
    </form>
  );
}
