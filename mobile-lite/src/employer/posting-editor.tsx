import { useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Alert, Button, Field } from '../components/ui';
import { getLang, t } from '../i18n';
import { EMPLOYMENT_TYPES, vietnamToday } from '../jobs/format';
import { label } from '../jobs/parts';
import type { Company } from './company-form';
import { CheckGroup, focusFirstError, formMessage, InputField, SelectField } from './fields';
import {
  BENEFITS,
  checkPosting,
  editNeedsReview,
  postingBody,
  postingChanges,
  postingValues,
  POSTING_FIELDS,
  SHIFTS,
  type Posting,
  type PostingValues,
} from './posting-form';
import { PlaceFields } from './place-fields';
import { companyOptions } from './refs';

function fresh(company: Company | undefined): PostingValues {
  return {
    companyId: company?.id ?? '',
    title: '',
    description: '',
    requirements: '',
    openings: '1',
    salaryMin: '',
    salaryMax: '',
    salaryNegotiable: false,
    employmentType: 'full_time',
    shifts: [],
    communeCode: company?.communeCode ?? '',
    zoneCode: company?.zoneCode ?? '',
    benefits: [],
    deadline: '',
  };
}

/**
 * Create a posting (a draft) or edit one. A range that is negative, inverted or missing is refused at its
 * field before anything is sent; editing what workers rely on in a published posting is announced first.
 */
export function PostingEditor(props: {
  posting?: Posting;
  companies: Company[];
  companyId?: string;
  onSaved: (posting: Posting, reviewRequired: boolean) => void;
  onCancel?: () => void;
}) {
  const before = props.posting;
  const [v, setV] = useState<PostingValues>(() =>
    before
      ? postingValues(before, getLang())
      : fresh(props.companies.find((c) => c.id === props.companyId) ?? props.companies[0]),
  );
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set =
    <K extends keyof PostingValues>(name: K) =>
    (value: PostingValues[K]) => {
      setV((old) => {
        const next = { ...old, [name]: value };
        // Another company: its place is the likely workplace.
        const company = name === 'companyId' ? props.companies.find((c) => c.id === value) : undefined;
        if (company)
          Object.assign(next, { communeCode: company.communeCode, zoneCode: company.zoneCode ?? '' });
        return next;
      });
      setErrors((e) => ({
        ...e,
        [name]: undefined,
        ...(name === 'salaryNegotiable' ? { salaryMin: undefined, salaryMax: undefined } : {}),
      }));
    };
  const changes = before ? postingChanges(before, v) : null;

  async function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setMessage(null);
    const local = checkPosting(v, vietnamToday());
    if (Object.keys(local).length) {
      setErrors(Object.fromEntries(Object.entries(local).map(([k, key]) => [k, t(key)])));
      setMessage(t('employer.checkFields'));
      return focusFirstError(form);
    }
    if (before && changes && !Object.keys(changes).length) return props.onCancel?.();
    const industry = before?.industry ?? props.companies.find((c) => c.id === v.companyId)?.industry ?? '';
    setBusy(true);
    const o = before
      ? await attempt(
          () =>
            authed(() =>
              api.PATCH('/api/v1/work/postings/{id}', {
                params: { path: { id: before.id } },
                body: changes ?? {},
              }),
            ),
          POSTING_FIELDS,
        )
      : await attempt(
          () => authed(() => api.POST('/api/v1/work/postings', { body: postingBody(v, industry) })),
          POSTING_FIELDS,
        );
    setBusy(false);
    if (o.ok && o.result.data) {
      const data = o.result.data;
      props.onSaved(data, 'reviewRequired' in data && data.reviewRequired === true);
    } else if (!o.ok && o.status !== 401) {
      setErrors(o.error.fields);
      setMessage(formMessage(o.error.message));
      focusFirstError(form);
    }
  }

  const pick = t('employer.pick');
  return (
    <form class="form" noValidate onSubmit={(e) => void submit(e)} data-testid="posting-form">
      {!before && props.companies.length > 1 && (
        <SelectField
          name="companyId"
          label={t('employer.company')}
          value={v.companyId}
          onValue={set('companyId')}
          error={errors.companyId}
          placeholder={pick}
          options={companyOptions(props.companies)}
        />
      )}
      <Field
        name="title"
        label={t('employer.f.title')}
        value={v.title}
        onValue={set('title')}
        error={errors.title}
        maxLength={150}
        testId="em-title"
      />
      <InputField
        name="description"
        type="textarea"
        rows={5}
        label={t('employer.f.description')}
        value={v.description}
        onValue={set('description')}
        error={errors.description}
        maxLength={8000}
      />
      <InputField
        name="requirements"
        type="textarea"
        rows={3}
        label={t('employer.f.requirements')}
        value={v.requirements}
        onValue={set('requirements')}
        error={errors.requirements}
        maxLength={4000}
      />
      <InputField
        name="openings"
        type="number"
        label={t('employer.f.openings')}
        value={v.openings}
        onValue={set('openings')}
        error={errors.openings}
        maxLength={6}
      />
      <fieldset class="em-group" data-testid="posting-salary">
        <legend>{t('employer.f.salary')}</legend>
        <label class="check">
          <input
            type="checkbox"
            data-testid="em-negotiable"
            checked={v.salaryNegotiable}
            onChange={(e) => set('salaryNegotiable')(e.currentTarget.checked)}
          />
          {t('employer.f.negotiable')}
        </label>
        {!v.salaryNegotiable && (
          <div class="em-pair">
            <InputField
              name="salaryMin"
              label={t('employer.f.salaryMin')}
              inputMode="decimal"
              value={v.salaryMin}
              onValue={set('salaryMin')}
              error={errors.salaryMin}
              maxLength={8}
            />
            <InputField
              name="salaryMax"
              label={t('employer.f.salaryMax')}
              inputMode="decimal"
              value={v.salaryMax}
              onValue={set('salaryMax')}
              error={errors.salaryMax}
              maxLength={8}
            />
          </div>
        )}
      </fieldset>
      <SelectField
        name="employmentType"
        label={t('employer.f.type')}
        value={v.employmentType}
        onValue={set('employmentType')}
        error={errors.employmentType}
        options={EMPLOYMENT_TYPES.map((type) => ({ value: type, label: label('jobs.type.', type) }))}
      />
      <CheckGroup
        name="shifts"
        legend={t('employer.f.shifts')}
        options={SHIFTS}
        label={(s) => label('jobs.shift.', s)}
        values={v.shifts}
        onValues={set('shifts')}
      />
      <fieldset class="em-group">
        <legend>{t('jobs.place')}</legend>
        <PlaceFields
          value={v}
          onChange={(change) => {
            setV((old) => ({ ...old, ...change }));
            setErrors((e) => ({ ...e, zoneCode: undefined, communeCode: undefined }));
          }}
          errors={errors}
        />
      </fieldset>
      <CheckGroup
        name="benefits"
        legend={t('employer.f.benefits')}
        options={BENEFITS}
        label={(b) => label('jobs.benefit.', b)}
        values={v.benefits}
        onValues={set('benefits')}
      />
      <Field
        name="deadline"
        type="date"
        label={t('employer.f.deadline')}
        value={v.deadline}
        onValue={set('deadline')}
        error={errors.deadline}
        min={vietnamToday()}
        testId="em-deadline"
      />
      {before && changes && editNeedsReview(before, changes) && (
        <p class="notice" data-testid="posting-review-warning">
          {t('employer.reviewWarning')}
        </p>
      )}
      <Alert message={message} />
      <Button busy={busy} data-testid="posting-save">
        {before ? t('employer.save') : t('employer.saveDraft')}
      </Button>
      {props.onCancel && (
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('employer.cancel')}
        </Button>
      )}
    </form>
  );
}
