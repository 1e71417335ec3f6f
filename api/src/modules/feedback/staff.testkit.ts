import { bearer, newPhone, type TestApi } from '../../../test/helpers.ts';

/** Test helpers shared by the staff, statistics and submission tests (real HTTP, real database). */
export async function makeStaff(
  api: TestApi,
  roles: Array<'ioc_operator' | 'officer' | 'moderator' | 'admin'>,
  departments: string[] = [],
) {
  const phone = newPhone();
  const { user } = await api.services.users.ensureUser({
    phone,
    fullName: 'Cán Bộ Thử',
    password: 'CanBo2026x',
    roles,
  });
  for (const d of departments)
    await api.sequelize.query('INSERT INTO officer_departments (user_id, department) VALUES (:u, :d)', {
      replacements: { u: user.id, d },
    });
  const login = await api.request('POST', '/api/v1/auth/login', { phone, password: 'CanBo2026x' });
  if (login.status !== 200) throw new Error(`login ${login.status} ${JSON.stringify(login.body)}`);
  return { id: user.id as string, token: login.body.accessToken as string };
}

export interface SubmitOptions {
  fields?: Record<string, string>;
  photos?: Buffer[];
  headers?: Record<string, string>;
}

/** POST /feedback as multipart; answers the status and the parsed body. */
export async function submitReport(api: TestApi, token: string, o: SubmitOptions = {}) {
  const form = new FormData();
  const fields = {
    category: 'traffic',
    title: 'Ổ gà trên đường',
    description: 'Ổ gà lớn giữa đường gây nguy hiểm cho xe máy.',
    lat: '12.6667',
    lng: '108.05',
    ...o.fields,
  };
  for (const [k, v] of Object.entries(fields)) if (v !== '') form.set(k, v);
  for (const [i, p] of (o.photos ?? []).entries()) form.append('photos', new Blob([p]), `p${i}.jpg`);
  const res = await fetch(`${api.url}/api/v1/feedback`, {
    method: 'POST',
    headers: { ...bearer(token), ...o.headers },
    body: form,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are checked field by field
  return { status: res.status, body: (await res.json()) as any };
}

export const triage = (api: TestApi, token: string, id: string, body: object) =>
  api.request('POST', `/api/v1/feedback/${id}/triage`, body, bearer(token));
