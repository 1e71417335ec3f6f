import { useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import type { Application } from '../cvs/applications';
import { Alert, Button } from '../components/ui';
import { t, type MessageKey } from '../i18n';
import { Chip, InputField } from './fields';
import {
  checkInterview,
  interviewInstant,
  nextStages,
  vietnamLocal,
  type AppStatus,
  type InterviewErrors,
  type Stage,
} from './stages';

export type { Application };

/** The employer's words for the stages ("Mới nộp", "Đã xem", "Từ chối"…). */
export const appStatusText = (s: AppStatus) => t(`employer.a.${s}` as MessageKey);

export function AppChip(props: { status: AppStatus }) {
  return <Chip kind={props.status} text={appStatusText(props.status)} testId="applicant-status" />;
}

/**
 * Moving an application on: a button per next stage; an interview asks for its date, time and place, a
 * rejection for an optional reason told to the applicant. The answer is the application as it now is.
 */
export function StageCard(props: { app: Application; onMoved: (app: Application) => void }) {
  const a = props.app;
  const [open, setOpen] = useState<Stage | null>(null);
  const [at, setAt] = useState(a.interviewAt ? vietnamLocal(a.interviewAt) : '');
  const [place, setPlace] = useState(a.interviewPlace ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stages = nextStages(a.status);
  if (!stages.length) return null;

  async function move(stage: Stage) {
    setMessage(null);
    if (stage === 'interview') {
      const local: InterviewErrors = checkInterview(at, place);
      if (local.interviewAt || local.interviewPlace) {
        setErrors({
          interviewAt: local.interviewAt && t(local.interviewAt),
          interviewPlace: local.interviewPlace && t(local.interviewPlace),
        });
        return;
      }
    }
    const body =
      stage === 'interview'
        ? { status: stage, interviewAt: interviewInstant(at)!, interviewPlace: place.trim() }
        : stage === 'rejected' && reason.trim()
          ? { status: stage, reason: reason.trim() }
          : { status: stage };
    setBusy(true);
    const o = await attempt(
      () =>
        authed(() =>
          api.POST('/api/v1/work/applications/{id}/stage', { params: { path: { id: a.id } }, body }),
        ),
      ['interviewAt', 'interviewPlace', 'reason'],
    );
    setBusy(false);
    if (o.ok && o.result.data) {
      setOpen(null);
      props.onMoved(o.result.data);
    } else if (!o.ok && o.status !== 401) {
      setErrors(o.error.fields);
      setMessage(o.error.message);
    }
  }

  const labelOf = (s: Stage): MessageKey =>
    s === 'interview' && a.status === 'interview' ? 'employer.s.reschedule' : `employer.s.${s}`;
  return (
    <div class="card" data-testid="applicant-stage">
      <div class="actions">
        {stages.map((s) =>
          open === s ? null : (
            <Button
              key={s}
              type="button"
              variant={s === 'rejected' ? 'danger' : open ? 'secondary' : 'primary'}
              data-testid={`stage-${s}`}
              busy={busy && open === null}
              onClick={() => (s === 'interview' || s === 'rejected' ? setOpen(s) : void move(s))}
            >
              {t(labelOf(s))}
            </Button>
          ),
        )}
      </div>
      {open && (
        <form
          class="form"
          noValidate
          onSubmit={(e) => (e.preventDefault(), void move(open))}
          data-testid="stage-form"
        >
          <h2>{t(labelOf(open))}</h2>
          {open === 'interview' ? (
            <>
              <InputField
                name="interviewAt"
                type="datetime-local"
                label={t('employer.interviewAt')}
                value={at}
                onValue={(v) => (setAt(v), setErrors({}))}
                error={errors.interviewAt}
              />
              <InputField
                name="interviewPlace"
                label={t('employer.interviewPlace')}
                value={place}
                onValue={(v) => (setPlace(v), setErrors({}))}
                error={errors.interviewPlace}
                maxLength={300}
              />
            </>
          ) : (
            <InputField
              name="reason"
              type="textarea"
              rows={3}
              label={t('employer.rejectReason')}
              value={reason}
              onValue={setReason}
              error={errors.reason}
              maxLength={1000}
            />
          )}
          <Alert message={message} />
          <Button
            busy={busy}
            variant={open === 'rejected' ? 'danger' : 'primary'}
            data-testid="stage-confirm"
          >
            {t(labelOf(open))}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOpen(null)}>
            {t('employer.cancel')}
          </Button>
        </form>
      )}
    </div>
  );
}
