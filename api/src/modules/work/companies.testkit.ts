import { bearer, newPhone, type TestApi } from '../../../test/helpers.ts';
import type { Role } from '../../platform/auth/permissions.ts';
import { taxCheckDigit } from './companies.taxcode.ts';

/**
 * An account with roles, signed in: { id, phone, token }. Employers have declared their CCCD (identity
 * level 1), which registering a company needs.
 */
export async function makeAccount(api: TestApi, roles: Role[], fullName = 'Trần Thị Bình') {
  const phone = newPhone();
  const password = 'ThuNghiem2026';
  const { user } = await api.services.users.ensureUser({ phone, fullName, password, roles });
  if (roles.includes('employer'))
    await api.sequelize.query('UPDATE users SET identity_level = 1 WHERE id = :id', {
      replacements: { id: user.id },
    });
  const login = await api.request('POST', '/api/v1/auth/login', { phone, password });
  if (login.status !== 200) throw new Error(`login ${login.status} ${JSON.stringify(login.body)}`);
  return { id: user.id as string, phone, token: login.body.accessToken as string };
}

let seq = 0;
/** A valid, unique 10-digit tax code (prefix 60 = Đắk Lắk's old tax office series). */
export function newTaxCode(): string {
  for (;;) {
    seq++;
    const first9 = `60${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`;
    const d = taxCheckDigit(first9);
    if (d !== null) return first9 + String(d);
  }
}

export const companyInput = (over: Record<string, unknown> = {}) => ({
  name: 'Công ty TNHH May Hòa Phú',
  taxCode: newTaxCode(),
  address: 'Lô A5, KCN Hòa Phú',
  communeCode: '24175',
  zoneCode: 'kcn-hoa-phu',
  industry: 'C',
  size: '200-999',
  contact: { name: 'Nguyễn Văn Tuấn', phone: '0262 3812 345', email: 'tuyendung@mayhoaphu.vn' },
  ...over,
});

/** Register a company as the given employer; returns the created body. */
export async function registerCompany(api: TestApi, token: string, over: Record<string, unknown> = {}) {
  const res = await api.request('POST', '/api/v1/work/companies', companyInput(over), bearer(token));
  if (res.status !== 201) throw new Error(`company ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string; taxCode: string; name: string };
}

/** Approve the company's pending moderation item as the moderator. */
export async function approveCompany(api: TestApi, moderatorToken: string, companyId: string) {
  const queue = await api.request(
    'GET',
    '/api/v1/moderation/queue?kind=company&pageSize=100',
    undefined,
    bearer(moderatorToken),
  );
  const item = (queue.body.items as Array<{ id: string; entityId: string }>).find(
    (i) => i.entityId === companyId,
  );
  if (!item) throw new Error('no pending moderation item for the company');
  const res = await api.request(
    'POST',
    `/api/v1/moderation/items/${item.id}/decision`,
    { decision: 'approve' },
    bearer(moderatorToken),
  );
  if (res.status !== 200) throw new Error(`approve ${res.status} ${JSON.stringify(res.body)}`);
  return item.id;
}
