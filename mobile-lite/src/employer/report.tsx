import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import { Alert, Button } from '../components/ui';
import { t, type MessageKey } from '../i18n';
import { formatInstantDay, todayInVietnam } from '../time';
import { focusFirstError, formMessage, InputField, SelectField } from './fields';
import {
  checkReport,
  defaultReportMonth,
  emptyReport,
  monthText,
  REPORT_COUNTS,
  REPORT_FIELDS,
  reportBody,
  reportValues,
  WAGE_BANDS,
  type ReportValues,
  type WorkforceReport,
} from './report-form';

/**
 * The monthly workforce report of a verified company: the form for a month (last month by default; a
 * month of the history can be filed again while it is editable) and the months already filed.
 */
export function WorkforceReportCard(props: { companyId: string; verified: boolean }) {
  const today = todayInVietnam();
  const [history, setHistory] = useState<WorkforceReport[] | null>(null);
  const [v, setV] = useState<ReportValues>(() => emptyReport(defaultReportMonth(today)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [allMonths, setAllMonths] = useState(false);
  const [reloads, setReloads] = useState(0);
  const path = { params: { path: { id: props.companyId } } };

  useEffect(() => {
    const params = { path: { id: props.companyId } };
    void attempt(() =>
      authed(() => api.GET('/api/v1/work/companies/{id}/workforce-reports', { params })),
    ).then((o) => {
      if (o.ok && o.result.data) setHistory(o.result.data.items);
    });
  }, [props.companyId, reloads]);

  const set = (name: keyof ReportValues) => (value: string) => {
    setV((old) => ({ ...old, [name]: value }));
    setErrors((e) => ({ ...e, [name]: '' }));
  };

  async function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setMessage(null);
    const local = checkReport(v, today);
    if (Object.keys(local).length) {
      setErrors(Object.fromEntries(Object.entries(local).map(([k, key]) => [k, t(key)])));
      setMessage({ kind: 'error', text: t('employer.checkFields') });
      return focusFirstError(form);
    }
    setBusy(true);
    const o = await attempt(
      () =>
        authed(() =>
          api.POST('/api/v1/work/companies/{id}/workforce-reports', { ...path, body: reportBody(v) }),
        ),
      REPORT_FIELDS,
    );
    setBusy(false);
    if (o.ok) {
      setMessage({ kind: 'info', text: t('employer.reportSent', { month: monthText(v.month) }) });
      setReloads((n) => n + 1);
    } else if (o.status !== 401) {
      setErrors(o.error.fields);
      setMessage({ kind: 'error', text: formMessage(o.error.message) });
      focusFirstError(form);
    }
  }

  if (!props.verified)
    return (
      <div class="card" data-testid="company-report">
        <h2>{t('employer.report')}</h2>
        <p class="muted">{t('employer.reportNeedsVerified')}</p>
      </div>
    );
  const now = Date.now();
  return (
    <div class="card em-card" data-testid="company-report">
      <h2>{t('employer.report')}</h2>
      <p class="muted small">{t('employer.reportLead')}</p>
      <form class="form" noValidate onSubmit={(e) => void submit(e)} data-testid="report-form">
        <InputField
          name="month"
          type="month"
          label={t('employer.reportMonth')}
          value={v.month}
          onValue={set('month')}
          max={today.slice(0, 7)}
          error={errors.month}
        />
        <div class="em-pair">
          {REPORT_COUNTS.map((k) => (
            <InputField
              key={k}
              name={k}
              type="number"
              label={t(`employer.r.${k}` as MessageKey)}
              value={v[k]}
              onValue={set(k)}
              maxLength={7}
              error={errors[k]}
            />
          ))}
        </div>
        <SelectField
          name="wageBand"
          label={t('employer.r.wageBand')}
          value={v.wageBand}
          onValue={set('wageBand')}
          placeholder={t('employer.pick')}
          options={WAGE_BANDS.map((b) => ({ value: b, label: t(`employer.wage.${b}`) }))}
          error={errors.wageBand}
        />
        <Alert kind={message?.kind} message={message?.text} />
        <Button busy={busy} data-testid="report-send">
          {t('employer.reportSend')}
        </Button>
      </form>
      <h3>{t('employer.reportHistory')}</h3>
      {history && history.length === 0 && <p class="muted">{t('employer.reportNone')}</p>}
      <ul class="em-reports" data-testid="report-history">
        {(history ?? []).slice(0, allMonths ? undefined : 6).map((r) => (
          <li key={r.month} data-month={r.month}>
            <strong>{monthText(r.month)}</strong>
            <br />
            <span class="small">
              {t('employer.reportRow', {
                headcount: r.headcount,
                open: r.openPositions,
                hires: r.hires,
                separations: r.separations,
              })}
            </span>
            {Date.parse(r.editableUntil) > now && (
              <span class="small muted">
                {' · '}
                {t('employer.reportEditable', { date: formatInstantDay(r.editableUntil) })}{' '}
                <Button type="button" variant="link" onClick={() => (setV(reportValues(r)), setErrors({}))}>
                  {t('employer.reportRefile')}
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {!allMonths && history && history.length > 6 && (
        <Button type="button" variant="link" data-testid="report-all" onClick={() => setAllMonths(true)}>
          {t('employer.reportAll', { n: history.length })}
        </Button>
      )}
    </div>
  );
}
