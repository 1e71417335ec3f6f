import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed } from '../api/client';
import type { components } from '../api/schema';
import { session } from '../api/session';
import { Alert, Button, Field } from '../components/ui';
import { t } from '../i18n';
import { formatPhone, normalizePhone } from '../phone';
import { checkPhone } from '../validation';
import { ConfirmButton, SelectField } from './fields';

type Member = components['schemas']['CompanyMember'];
type Role = Member['role'];

/** Owners manage the company's staff accounts: add by phone (owner or staff), remove; the last owner stays. */
export function StaffCard(props: { companyId: string }) {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [phoneError, setPhoneError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  const path = { params: { path: { id: props.companyId } } };

  useEffect(() => {
    const params = { path: { id: props.companyId } };
    void attempt(() => authed(() => api.GET('/api/v1/work/companies/{id}/members', { params }))).then((o) => {
      if (o.ok && o.result.data) setMembers(o.result.data.items);
      else if (!o.ok && o.status !== 401) setMessage({ kind: 'error', text: o.error.message });
    });
  }, [props.companyId, reloads]);
  const load = () => setReloads((n) => n + 1);

  async function add(e: Event) {
    e.preventDefault();
    setMessage(null);
    const problem = checkPhone(phone);
    if (problem) return setPhoneError(t(problem));
    setBusy(true);
    const o = await attempt(
      () =>
        authed(() =>
          api.POST('/api/v1/work/companies/{id}/members', {
            ...path,
            body: { phone: normalizePhone(phone) ?? phone, role },
          }),
        ),
      ['phone'],
    );
    setBusy(false);
    if (o.ok && o.result.data) {
      setPhone('');
      setMessage({ kind: 'info', text: t('employer.staffAdded', { name: o.result.data.fullName }) });
      load();
    } else if (!o.ok) {
      setPhoneError(o.error.fields.phone);
      if (!o.error.fields.phone) setMessage({ kind: 'error', text: o.error.message });
    }
  }

  async function remove(m: Member) {
    const o = await attempt(() =>
      authed(() =>
        api.DELETE('/api/v1/work/companies/{id}/members/{userId}', {
          params: { path: { id: props.companyId, userId: m.userId } },
        }),
      ),
    );
    if (o.ok) load();
    else setMessage({ kind: 'error', text: o.error.message });
  }

  const owners = members?.filter((m) => m.role === 'owner').length ?? 0;
  const me = session.user()?.id;
  return (
    <div class="card" data-testid="company-staff">
      <h2>{t('employer.staff')}</h2>
      <p class="muted small">{t('employer.staffLead')}</p>
      <ul class="em-staff">
        {(members ?? []).map((m) => (
          <li key={m.userId} data-testid="staff-member">
            <span>
              <strong>{m.fullName}</strong> {m.userId === me && t('employer.you')}
              <br />
              <span class="muted small">
                {formatPhone(m.phone)} · {t(`employer.role.${m.role}`)}
              </span>
            </span>
            {m.role === 'owner' && owners <= 1 ? (
              <span class="muted small">{t('employer.staffLastOwner')}</span>
            ) : (
              <ConfirmButton
                label={t('employer.staffRemove')}
                question={t('employer.staffRemoveConfirm', { name: m.fullName })}
                onConfirm={() => remove(m)}
                testId="staff-remove"
              />
            )}
          </li>
        ))}
      </ul>
      <form class="form" noValidate onSubmit={(e) => void add(e)}>
        <Field
          name="staffPhone"
          label={t('employer.staffPhone')}
          type="tel"
          inputMode="tel"
          value={phone}
          onValue={(v) => (setPhone(v), setPhoneError(undefined))}
          error={phoneError}
          testId="staff-phone"
        />
        <SelectField
          name="staffRole"
          label={t('employer.staffRole')}
          value={role}
          onValue={(v) => setRole(v as Role)}
          options={(['staff', 'owner'] as const).map((r) => ({ value: r, label: t(`employer.role.${r}`) }))}
        />
        <Alert kind={message?.kind} message={message?.text} />
        <Button busy={busy} data-testid="staff-add">
          {t('employer.staffAdd')}
        </Button>
      </form>
    </div>
  );
}
