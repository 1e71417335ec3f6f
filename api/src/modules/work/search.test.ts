import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/helpers.ts';
import {
  communes,
  inDays,
  makeCompany,
  makeUser,
  makeZone,
  posting,
  publishPosting,
} from './postings.testkit.ts';

let api: TestApi;
const ids: Record<string, string> = {};
let cs: Array<{ code: string; name: string; lat: number; lng: number }>;
const Z1 = { code: 'TEST_S1', lat: 12.71, lng: 108.22 };
const Z2 = { code: 'TEST_S2', lat: 13.1, lng: 109.3 };
const NASTY = 'Thợ hàn "TIG" </script><script>alert(1)</script> & <!-- co';

interface Item {
  id: string;
  title: string;
  publishedAt: string;
  salaryMax: number | null;
  distanceKm: number | null;
}
const search = async (qs: string) => {
  const r = await api.request('GET', `/api/v1/work/jobs?${qs}`);
  if (r.status !== 200) throw new Error(`search ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { items: Item[]; nextCursor: string | null; searchedFor: string | null };
};
const titles = async (qs: string) => (await search(qs)).items.map((i) => i.title);

beforeAll(async () => {
  api = await startTestApi();
  const [employer, moderator] = await Promise.all([
    makeUser(api, ['employer']),
    makeUser(api, ['moderator']),
  ]);
  cs = await communes(api);
  const [c0, c1, c2] = cs.map((c) => c.code) as [string, string, string];
  await makeZone(api, Z1.code, c0, Z1.lat, Z1.lng);
  await makeZone(api, Z2.code, c0, Z2.lat, Z2.lng);
  const company = await makeCompany(api, {
    name: 'Công ty Điện Lực Ea',
    members: [employer.id],
    communeCode: c0,
  });
  const pub = (key: string, o: Record<string, unknown>, commune = c0) =>
    publishPosting(api, employer, moderator, posting(company, commune, o)).then((id) => (ids[key] = id));
  await pub('tech', {
    title: 'Kỹ thuật viên điện',
    industry: 'D',
    zoneCode: Z1.code,
    salaryMin: 10_000_000,
    salaryMax: 15_000_000,
  });
  await pub('sew', { title: 'Công nhân may' }, c1);
  await pub(
    'store',
    {
      title: 'Nhân viên kho',
      industry: 'H',
      salaryMin: null,
      salaryMax: null,
      salaryNegotiable: true,
      employmentType: 'part_time',
    },
    c2,
  );
  await pub('weld', {
    title: NASTY,
    industry: 'F',
    zoneCode: Z2.code,
    salaryMin: 8_000_000,
    salaryMax: 12_000_000,
    employmentType: 'contract',
    description: 'Hàn kết cấu thép "nhà xưởng" <b>đậm</b> & an toàn lao động.\nLàm việc tại Phú Yên.',
  });
  await pub(
    'guard',
    {
      title: 'Bảo vệ ca đêm',
      salaryNegotiable: true,
      salaryMin: 5_000_000,
      salaryMax: 7_000_000,
      employmentType: 'seasonal',
    },
    c1,
  );
  // A draft never shows.
  await api.request(
    'POST',
    '/api/v1/work/postings',
    posting(company, c0, { title: 'Kỹ thuật viên nháp' }),
    employer.h,
  );
  // Twenty more, published straight in SQL with ties on published_at and salary to exercise the keyset.
  for (let i = 0; i < 20; i++) {
    const r = await api.request(
      'POST',
      '/api/v1/work/postings',
      posting(company, c2, {
        title: `Lao động phổ thông số ${i}`,
        salaryMin: 5_000_000,
        salaryMax: 6_000_000 + (i % 4) * 500_000,
      }),
      employer.h,
    );
    await api.sequelize.query(
      `UPDATE job_postings SET status = 'published', published_at = now() - make_interval(hours => :h) WHERE id = :id`,
      { replacements: { id: r.body.id, h: 10 + Math.floor(i / 3) } },
    );
  }
});
afterAll(async () => {
  await api?.close();
});

describe('text search', () => {
  it('ignores accents and tolerates a typo', async () => {
    expect((await titles('q=ky thuat vien'))[0]).toBe('Kỹ thuật viên điện');
    expect((await titles('q=KỸ THUẬT VIÊN'))[0]).toBe('Kỹ thuật viên điện');
    expect(await titles('q=ky thuat vien')).not.toContain('Kỹ thuật viên nháp');
    expect((await titles('q=cong nhan mayy'))[0]).toBe('Công nhân may');
    expect(await titles('q=bao ve ca dem')).toEqual(['Bảo vệ ca đêm']);
    expect(await titles('q=phi hanh gia')).toEqual([]);
    expect(await titles('q=100%25_%5C')).toEqual([]);
    // A phrase found as such keeps the fuzzy near-misses out; a misspelt one falls back to similarity.
    expect((await titles('q=lao dongg pho thong&limit=50')).length).toBe(20);
    // Company and industry names are searched too.
    expect((await titles('q=dien luc&limit=50')).length).toBe(25);
  });
});

describe('misspelt words and word order', () => {
  it('corrects a misspelt word to a word of a published posting and says so', async () => {
    const r = await search('q=nhan vien khoo');
    expect(r.items.map((i) => i.title)).toEqual(['Nhân viên kho']);
    expect(r.searchedFor).toBe('nhan vien kho');
    // Two edits are allowed from six letters on ("thuaat" → "thuat"); a correct query says nothing.
    expect((await search('q=ky thuaat vien dienn')).searchedFor).toBe('ky thuat vien dien');
    expect((await search('q=ky thuat vien')).searchedFor).toBeNull();
  });
  it('finds all the words in any order when the phrase is not there', async () => {
    // Every posting's description says "công nhân may": the one with all three words in its title comes first.
    expect((await titles('q=may cong nhan'))[0]).toBe('Công nhân may');
    expect((await titles('q=ky thuat dien'))[0]).toBe('Kỹ thuật viên điện');
  });
  it('never corrects towards a draft, nor a short word', async () => {
    // "nháp" is only in the draft's title: "nhapp" has nothing to become, and finds nothing.
    const r = await search('q=ky thuat vien nhapp');
    expect(r.items).toEqual([]);
    expect(r.searchedFor).toBeNull();
    // Short words stay as typed and must be whole words: "vi" is neither turned into "ve" nor found in "viec".
    expect(await titles('q=bao vi ca dem')).toEqual([]);
  });
});

describe('filters', () => {
  it('by zone, commune, salary, type, industry and date', async () => {
    expect(await titles(`zone=${Z1.code}`)).toEqual(['Kỹ thuật viên điện']);
    expect((await titles(`commune=${cs[1]!.code}`)).sort()).toEqual(['Bảo vệ ca đêm', 'Công nhân may']);
    // Salary at least 9 M: the maximum must reach it; negotiable without a maximum is left out.
    expect((await titles('salaryMin=9000000')).sort()).toEqual(['Kỹ thuật viên điện', NASTY].sort());
    expect(await titles('salaryMin=7000000&type=seasonal')).toEqual(['Bảo vệ ca đêm']);
    expect(await titles('type=contract')).toEqual([NASTY]);
    expect(await titles('industry=H')).toEqual(['Nhân viên kho']);
    expect(await titles(`since=${inDays(1)}`)).toEqual([]);
    expect((await titles(`since=${inDays(-2)}&limit=50`)).length).toBe(25);
  });
});

async function allPages(qs: string, limit: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 30; n++) {
    const page: { items: Item[]; nextCursor: string | null } = await search(
      `${qs}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    seen.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

describe('sorts and keyset paging', () => {
  it('newest first', async () => {
    const { items } = await search('sort=newest&limit=50');
    expect(items).toHaveLength(25);
    const times = items.map((i) => i.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('highest salary first, negotiable without a maximum last', async () => {
    const { items } = await search('sort=salary&limit=50');
    expect(items[0]!.id).toBe(ids.tech);
    expect(items[items.length - 1]!.id).toBe(ids.store);
    const max = items.slice(0, -1).map((i) => i.salaryMax!);
    expect([...max].sort((a, b) => b - a)).toEqual(max);
  });

  it('nearest first from a point, with the distance in km', async () => {
    const { items } = await search(`sort=distance&lat=${Z1.lat}&lng=${Z1.lng}&limit=50`);
    expect(items[0]!.id).toBe(ids.tech);
    expect(items[0]!.distanceKm).toBe(0);
    const d = items.map((i) => i.distanceKm!);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    const weld = items.find((i) => i.id === ids.weld)!;
    expect(weld.distanceKm).toBeGreaterThan(100);
    expect(weld.distanceKm).toBeLessThan(200);
  });

  it.each([
    ['sort=newest'],
    ['sort=salary'],
    [`sort=distance&lat=${Z1.lat}&lng=${Z1.lng}`],
    ['q=lao dong pho thong'],
    ['q=lao dongg pho thong'],
    ['sort=newest&commune=PLACEHOLDER'],
  ])('pages %s without duplicates or gaps', async (qs) => {
    const query = qs.replace('PLACEHOLDER', cs[2]!.code);
    const all = (await search(`${query}&limit=50`)).items.map((i) => i.id);
    expect(all.length).toBeGreaterThan(5);
    for (const limit of [1, 4, 7]) {
      const paged = await allPages(query, limit);
      expect(paged).toEqual(all);
    }
  });

  it('refuses a bad cursor, a cursor of another sort, and distance without a point', async () => {
    expect((await api.request('GET', '/api/v1/work/jobs?cursor=abc')).body.code).toBe('invalid_cursor');
    const { nextCursor } = await search('sort=salary&limit=2');
    const other = await api.request('GET', `/api/v1/work/jobs?sort=newest&cursor=${nextCursor}`);
    expect(other.status).toBe(400);
    expect(other.body.code).toBe('invalid_cursor');
    const forged = Buffer.from(
      JSON.stringify({ s: 'newest', k: ['not a date', '00000000-0000-0000-0000-000000000000'] }),
    ).toString('base64url');
    expect((await api.request('GET', `/api/v1/work/jobs?cursor=${forged}`)).status).toBe(400);
    expect((await api.request('GET', '/api/v1/work/jobs?sort=distance')).body.code).toBe('point_required');
    expect((await api.request('GET', '/api/v1/work/jobs?since=2026-02-30')).status).toBe(400);
  });
});

describe('job page and JSON-LD', () => {
  it('describes a job as schema.org JobPosting', async () => {
    const r = await api.request('GET', `/api/v1/work/jobs/${ids.tech}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ company: { name: 'Công ty Điện Lực Ea' }, zone: { code: Z1.code } });
    expect(r.body.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Kỹ thuật viên điện',
      employmentType: 'FULL_TIME',
      validThrough: `${inDays(30)}T23:59:59+07:00`,
      hiringOrganization: { '@type': 'Organization', name: 'Công ty Điện Lực Ea' },
      jobLocation: {
        '@type': 'Place',
        address: { '@type': 'PostalAddress', addressRegion: 'Đắk Lắk', addressCountry: 'VN' },
      },
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'VND',
        value: {
          '@type': 'QuantitativeValue',
          minValue: 10_000_000,
          maxValue: 15_000_000,
          unitText: 'MONTH',
        },
      },
    });
    expect(r.body.jsonLd.datePosted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const store = await api.request('GET', `/api/v1/work/jobs/${ids.store}`);
    expect(store.body.jsonLd.employmentType).toBe('PART_TIME');
    expect(store.body.jsonLd.baseSalary).toBeUndefined();
  });

  it('serves an escaped HTML page with the JSON-LD and a link into the app', async () => {
    const api1 = await api.request('GET', `/api/v1/work/jobs/${ids.weld}`);
    const res = await fetch(`${api.url}/jobs/${ids.weld}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain(
      '<title>Thợ hàn &quot;TIG&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!-- co — Công ty Điện Lực Ea</title>',
    );
    expect(page).toMatch(
      /<meta name="description" content="Công ty Điện Lực Ea tuyển 20 Thợ hàn &quot;TIG&quot; &lt;\/script&gt;/,
    );
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<b>');
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(ld).not.toContain('<');
    expect(JSON.parse(ld)).toEqual(api1.body.jsonLd);
    expect(JSON.parse(ld).title).toBe(NASTY);
    expect(page).toContain(`href="/#/jobs/${ids.weld}"`);
    const missing = await fetch(`${api.url}/jobs/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<title>Không tìm thấy việc làm');
    expect((await fetch(`${api.url}/jobs/not-a-uuid`)).status).toBe(404);
  });
});

describe('the word list follows publication', () => {
  it('adds the words of a published posting and removes them when it closes', async () => {
    const count = async (word: string) => {
      const [r] = await api.sequelize.query<{ postings: number }>(
        'SELECT postings FROM job_words WHERE word = :word',
        { replacements: { word }, type: QueryTypes.SELECT },
      );
      return r?.postings ?? 0;
    };
    const [employer, moderator] = await Promise.all([
      makeUser(api, ['employer']),
      makeUser(api, ['moderator']),
    ]);
    const company = await makeCompany(api, {
      name: 'Công ty Thể Thao',
      members: [employer.id],
      communeCode: cs[0]!.code,
    });
    const before = await count('may');
    const id = await publishPosting(
      api,
      employer,
      moderator,
      posting(company, cs[0]!.code, {
        title: 'Huấn luyện viên zumba',
        description: 'Dạy zumba buổi tối cho hội viên.',
      }),
    );
    expect(await count('zumba')).toBe(1);
    expect(await count('may')).toBe(before); // the default requirements do not say "may"
    expect((await search('q=zumbaa')).searchedFor).toBe('zumba');
    const closed = await api.request('POST', `/api/v1/work/postings/${id}/close`, undefined, employer.h);
    expect(closed.status).toBe(200);
    expect(await count('zumba')).toBe(0);
    expect((await search('q=zumbaa')).searchedFor).toBeNull();
  });
});
