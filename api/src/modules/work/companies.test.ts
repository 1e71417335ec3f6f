import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerCitizen, startTestApi, type TestApi } from '../../../test/helpers.ts';
import { approveCompany, companyInput, makeAccount, registerCompany } from './companies.testkit.ts';
import { checkTaxCode } from './companies.taxcode.ts';

let api: TestApi;
let moderator: Awaited<ReturnType<typeof makeAccount>>;
beforeAll(async () => {
  api = await startTestApi();
  moderator = await makeAccount(api, ['moderator']);
});
afterAll(() => api.close());

const post = (token: string, body: unknown) =>
  api.request('POST', '/api/v1/work/companies', body, bearer(token));
const fieldCodes = (body: { errors?: Array<{ path: string; code: string }> }) =>
  (body.errors ?? []).map((f) => `${f.path}:${f.code}`);

describe('tax codes', () => {
  it('accepts published codes and branches, rejects each kind of mistake', () => {
    for (const c of ['0100109106', '0100112437', '0101248141', '0300588569', '5900377720', '0100109106-001'])
      expect(checkTaxCode(c)).toBeNull();
    expect(checkTaxCode('010010910')).toBe('format');
    expect(checkTaxCode('01001091a6')).toBe('format');
    expect(checkTaxCode('0100109106-01')).toBe('branch');
    expect(checkTaxCode('0100109106-000')).toBe('branch');
    expect(checkTaxCode('0100109107')).toBe('check_digit');
  });
});

describe('registering a company', () => {
  it('gives each bad tax code its own 400, bilingual', async () => {
    const emp = await makeAccount(api, ['employer']);
    const cases: Array<[string, string]> = [
      ['12345', 'tax_code_format'],
      ['0100109106-12', 'tax_code_branch'],
      ['0100109107', 'tax_code_check_digit'],
    ];
    for (const [taxCode, code] of cases) {
      const res = await post(emp.token, companyInput({ taxCode }));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const f = res.body.errors.find((x: { path: string }) => x.path === 'body.taxCode');
      expect(f.code).toBe(code);
      expect(f.messages.vi).toBeTruthy();
      expect(f.messages.en).toBeTruthy();
      expect(f.messages.vi).not.toBe(f.messages.en);
    }
  });

  it('lists the industries (VSIC sections)', async () => {
    const res = await api.request('GET', '/api/v1/work/industries');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(21);
    expect(res.body.items[2]).toMatchObject({ code: 'C', nameEn: 'Manufacturing' });
  });

  it('rejects unknown commune, zone and industry', async () => {
    const emp = await makeAccount(api, ['employer']);
    const res = await post(emp.token, companyInput({ communeCode: '99999', zoneCode: 'kcn-khong-co' }));
    expect(res.status).toBe(400);
    expect(fieldCodes(res.body)).toEqual(['body.communeCode:commune_unknown', 'body.zoneCode:zone_unknown']);
    const bad = await post(emp.token, companyInput({ industry: 'ZZ' }));
    expect(bad.status).toBe(400);
  });

  it('a citizen who has not declared a CCCD (level 0) gets 403 identity_level_required', async () => {
    const citizen = await registerCitizen(api);
    const res = await post(citizen.accessToken, companyInput());
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'identity_level_required', requiredLevel: 1, currentLevel: 0 });
    expect(res.body.messages.vi).toContain('CCCD');
    const mine = await api.request(
      'GET',
      '/api/v1/work/companies/mine',
      undefined,
      bearer(citizen.accessToken),
    );
    expect(mine.body.items).toEqual([]);
  });

  it('a level-1 citizen registers (self-service), becomes owner and, after a refresh, holds jobs:post', async () => {
    const citizen = await registerCitizen(api);
    const declared = await api.request(
      'PUT',
      '/api/v1/me/identity',
      { cccdNumber: '066085012345', fullName: 'Nguyễn Văn An', dateOfBirth: '1985-03-04', sex: 'male' },
      bearer(citizen.accessToken),
    );
    expect(declared.status).toBe(200);
    const postings = (token: string) => api.request('GET', '/api/v1/work/postings', undefined, bearer(token));
    expect((await postings(citizen.accessToken)).status).toBe(403);

    const res = await post(citizen.accessToken, companyInput());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', myRole: 'owner', refreshSession: true });
    // The old token does not carry the new role; the refreshed one does.
    expect((await postings(citizen.accessToken)).status).toBe(403);
    const refreshed = await api.request('POST', '/api/v1/auth/refresh', {
      refreshToken: citizen.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.roles).toContain('employer');
    expect((await postings(refreshed.body.accessToken)).status).toBe(200);
    const grant = await api.sequelize.query(
      `SELECT 1 FROM audit_log WHERE entity_id = :id AND action = 'user.role_grant'`,
      { replacements: { id: citizen.user.id } },
    );
    expect(grant[0]).toHaveLength(1);

    // A second company: the role is already in the token, nothing to refresh.
    const second = await post(refreshed.body.accessToken, companyInput());
    expect(second.status).toBe(201);
    expect(second.body.refreshSession).toBe(false);
  });

  it('creates a pending company owned by the caller, queued for moderation; a duplicate tax code is 409', async () => {
    const emp = await makeAccount(api, ['employer']);
    const input = companyInput({ taxCode: '0100109106-002' });
    const res = await post(emp.token, input);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pending',
      myRole: 'owner',
      taxCode: '0100109106-002',
      zoneName: 'KCN Hòa Phú',
    });
    expect(res.body.industryName.vi).toBe('Công nghiệp chế biến, chế tạo');

    const mine = await api.request('GET', '/api/v1/work/companies/mine', undefined, bearer(emp.token));
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id]);

    const queue = await api.request(
      'GET',
      '/api/v1/moderation/queue?kind=company',
      undefined,
      bearer(moderator.token),
    );
    const item = queue.body.items.find((i: { entityId: string }) => i.entityId === res.body.id);
    expect(item).toMatchObject({ kind: 'company', title: input.name, status: 'pending' });

    const other = await makeAccount(api, ['employer']);
    const dup = await post(other.token, companyInput({ taxCode: '0100109106-002' }));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('tax_code_taken');

    const audit = await api.sequelize.query(
      `SELECT action FROM audit_log WHERE entity_id = :id AND action = 'work.company.create'`,
      { replacements: { id: res.body.id } },
    );
    expect(audit[0]).toHaveLength(1);
  });
});

describe('who sees and edits a company', () => {
  it('hides a pending company from outsiders, shows public fields once verified', async () => {
    const emp = await makeAccount(api, ['employer']);
    const c = await registerCompany(api, emp.token);
    const citizen = await registerCitizen(api);
    expect(
      (await api.request('GET', `/api/v1/work/companies/${c.id}`, undefined, bearer(citizen.accessToken)))
        .status,
    ).toBe(404);
    expect((await api.request('GET', `/api/v1/work/companies/${c.id}`)).status).toBe(404);
    await approveCompany(api, moderator.token, c.id);
    const pub = await api.request('GET', `/api/v1/work/companies/${c.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.status).toBe('verified');
    expect(pub.body.contact).toBeUndefined();
    const own = await api.request('GET', `/api/v1/work/companies/${c.id}`, undefined, bearer(emp.token));
    expect(own.body.contact.name).toBe('Nguyễn Văn Tuấn');
    // The decision reaches the owner with a link to the employer screen of the company.
    const notes = await api.request('GET', '/api/v1/me/notifications', undefined, bearer(emp.token));
    const approved = notes.body.items.find((n: { kind: string }) => n.kind === 'moderation.approved');
    expect(approved).toMatchObject({ entityId: c.id, link: `#/employer/companies/${c.id}` });
  });

  it('non-member PATCH is 403; identity edits of a verified company go back to review, others do not', async () => {
    const emp = await makeAccount(api, ['employer']);
    const c = await registerCompany(api, emp.token);
    await approveCompany(api, moderator.token, c.id);
    const outsider = await makeAccount(api, ['employer']);
    const denied = await api.request(
      'PATCH',
      `/api/v1/work/companies/${c.id}`,
      { size: '10-49' },
      bearer(outsider.token),
    );
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('not_company_member');

    const small = await api.request(
      'PATCH',
      `/api/v1/work/companies/${c.id}`,
      { size: '50-199' },
      bearer(emp.token),
    );
    expect(small.status).toBe(200);
    expect(small.body).toMatchObject({ size: '50-199', status: 'verified' });

    const renamed = await api.request(
      'PATCH',
      `/api/v1/work/companies/${c.id}`,
      { name: 'Công ty CP May Hòa Phú' },
      bearer(emp.token),
    );
    expect(renamed.body.status).toBe('pending');
    const queue = await api.request(
      'GET',
      '/api/v1/moderation/queue?kind=company&pageSize=100',
      undefined,
      bearer(moderator.token),
    );
    const item = queue.body.items.find((i: { entityId: string }) => i.entityId === c.id);
    expect(item.title).toBe('Công ty CP May Hòa Phú');
  });
});

describe('staff accounts', () => {
  it('owner adds staff by phone (employer role granted); staff cannot add; the last owner stays', async () => {
    const owner = await makeAccount(api, ['employer']);
    const c = await registerCompany(api, owner.token);
    const worker = await registerCitizen(api);

    const unknown = await api.request(
      'POST',
      `/api/v1/work/companies/${c.id}/members`,
      { phone: '0987650000' },
      bearer(owner.token),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('account_not_found');

    const added = await api.request(
      'POST',
      `/api/v1/work/companies/${c.id}/members`,
      { phone: worker.phone },
      bearer(owner.token),
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ userId: worker.user.id, role: 'staff' });
    const again = await api.request(
      'POST',
      `/api/v1/work/companies/${c.id}/members`,
      { phone: worker.phone },
      bearer(owner.token),
    );
    expect(again.status).toBe(409);

    const roles = await api.sequelize.query(`SELECT role FROM user_roles WHERE user_id = :u ORDER BY role`, {
      replacements: { u: worker.user.id },
    });
    expect((roles[0] as Array<{ role: string }>).map((r) => r.role)).toContain('employer');
    expect(await api.services.companies.membership(worker.user.id, c.id)).toBe('staff');
    const notes = await api.request('GET', '/api/v1/me/notifications', undefined, bearer(worker.accessToken));
    expect(notes.body.items[0]).toMatchObject({
      kind: 'work.company.member_added',
      entityId: c.id,
      link: `#/employer/companies/${c.id}`,
    });

    // Staff: sees the company, may edit it, but cannot manage members.
    const staffView = await api.request(
      'GET',
      `/api/v1/work/companies/${c.id}`,
      undefined,
      bearer(worker.accessToken),
    );
    expect(staffView.body.myRole).toBe('staff');
    const third = await registerCitizen(api);
    const byStaff = await api.request(
      'POST',
      `/api/v1/work/companies/${c.id}/members`,
      { phone: third.phone },
      bearer(worker.accessToken),
    );
    expect(byStaff.status).toBe(403);
    expect(byStaff.body.code).toBe('not_company_owner');
    expect(
      (
        await api.request(
          'GET',
          `/api/v1/work/companies/${c.id}/members`,
          undefined,
          bearer(worker.accessToken),
        )
      ).status,
    ).toBe(403);

    const list = await api.request(
      'GET',
      `/api/v1/work/companies/${c.id}/members`,
      undefined,
      bearer(owner.token),
    );
    expect(list.body.items.map((m: { role: string }) => m.role).sort()).toEqual(['owner', 'staff']);

    const last = await api.request(
      'DELETE',
      `/api/v1/work/companies/${c.id}/members/${owner.id}`,
      undefined,
      bearer(owner.token),
    );
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('last_owner');

    const removed = await api.request(
      'DELETE',
      `/api/v1/work/companies/${c.id}/members/${worker.user.id}`,
      undefined,
      bearer(owner.token),
    );
    expect(removed.status).toBe(204);
    expect(await api.services.companies.membership(worker.user.id, c.id)).toBeNull();
  });
});

describe('the console list', () => {
  it('moderators and workforce staff filter and search companies; others get 403', async () => {
    const emp = await makeAccount(api, ['employer']);
    const a = await registerCompany(api, emp.token, {
      name: 'Công ty Cổ phần Đường Ea Kar',
      zoneCode: null,
      communeCode: '24373',
    });
    await registerCompany(api, emp.token, {
      name: 'Công ty TNHH Gỗ Krông Búk',
      zoneCode: 'ccn-krong-buk-1',
      communeCode: '24316',
    });
    await approveCompany(api, moderator.token, a.id);
    const ioc = await makeAccount(api, ['ioc_operator']);
    const list = (qs: string, token = ioc.token) =>
      api.request('GET', `/api/v1/work/companies${qs}`, undefined, bearer(token));

    const search = await list('?q=duong ea kar');
    expect(search.status).toBe(200);
    expect(search.body.items.map((c: { id: string }) => c.id)).toEqual([a.id]);
    expect(search.body.items[0].contact.name).toBeTruthy();
    const byTax = await list(`?q=${a.taxCode}`);
    expect(byTax.body.total).toBe(1);
    const zoned = await list('?zone=ccn-krong-buk-1&status=pending', moderator.token);
    expect(zoned.body.items.map((c: { name: string }) => c.name)).toEqual(['Công ty TNHH Gỗ Krông Búk']);
    const outside = await list('?zone=none&status=verified&commune=24373');
    expect(outside.body.items.map((c: { id: string }) => c.id)).toContain(a.id);

    const officer = await makeAccount(api, ['officer']);
    expect((await list('', officer.token)).status).toBe(403);
    expect((await list('', emp.token)).status).toBe(403);
  });
});

describe('renaming', () => {
  it('refreshes the search text of the company’s postings', async () => {
    const emp = await makeAccount(api, ['employer']);
    const c = await registerCompany(api, emp.token, { name: 'Công ty Cũ' });
    await api.sequelize.query(
      `INSERT INTO job_postings (company_id, title, description, openings, salary_negotiable, employment_type, industry, commune_code)
       VALUES (:id, 'Công nhân may', 'Làm việc ca ngày', 5, true, 'full_time', 'C', '24175')`,
      { replacements: { id: c.id } },
    );
    const res = await api.request(
      'PATCH',
      `/api/v1/work/companies/${c.id}`,
      { name: 'Công ty Dệt Hòa Phú' },
      bearer(emp.token),
    );
    expect(res.status).toBe(200);
    const [rows] = await api.sequelize.query('SELECT search_text FROM job_postings WHERE company_id = :id', {
      replacements: { id: c.id },
    });
    expect((rows as Array<{ search_text: string }>)[0]?.search_text).toContain('det hoa phu');
  });
});
