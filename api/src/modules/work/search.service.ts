import { QueryTypes, type Sequelize } from 'sequelize';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import type { Industry } from './postings.industries.ts';
import type { JobDetailDto, JobSearchInput, JobSummaryDto } from './search.schemas.ts';
import { likePattern, readQuery } from './search.words.ts';

const TODAY = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
/** What citizens see: published and not past the deadline (the minute sweep may not have run yet). */
const VISIBLE = `p.status = 'published' AND (p.deadline IS NULL OR p.deadline >= ${TODAY})`;
const DISTANCE = `6371.0 * 2 * asin(least(1, sqrt(
  power(sin(radians(p.lat - CAST(:lat AS float8)) / 2), 2) +
  cos(radians(CAST(:lat AS float8))) * cos(radians(p.lat)) * power(sin(radians(p.lng - CAST(:lng AS float8)) / 2), 2))))`;

type Sort = 'relevance' | 'newest' | 'salary' | 'distance';
interface Key {
  expr: string;
  type: string;
}
/** The postings holding every word of the phrase (the full-text index of migration 0020). */
const HAS_WORDS = `to_tsvector('simple', p.search_text) @@ plainto_tsquery('simple', f_unaccent(lower(:phrase)))`;
/** The postings holding the phrase's words side by side (pairs of neighbours, migration 0021; 2 words or more). */
const HAS_PAIRS = 'job_bigrams(p.search_text) @> job_bigrams(f_unaccent(lower(:phrase)))';
/** search_text starts with the accent-free title, so this is "the title contains …" without unaccenting it. */
const TITLE = 'left(p.search_text, length(p.title))';
/** Relevance when the phrase itself was found: postings with it in the title first, then newest. */
const EXACT: { keys: Key[]; dir: 'DESC' } = {
  keys: [
    {
      expr: `CASE WHEN strpos(${TITLE}, f_unaccent(lower(:phrase))) > 0 THEN 1 ELSE 0 END`,
      type: 'int',
    },
    { expr: 'p.published_at', type: 'timestamptz' },
  ],
  dir: 'DESC',
};
/** Relevance when all the words were found, in any order: postings with all of them in the title first. */
const ALL_WORDS: { keys: Key[]; dir: 'DESC' } = {
  keys: [
    {
      expr: `CASE WHEN to_tsvector('simple', ${TITLE}) @@ plainto_tsquery('simple', f_unaccent(lower(:phrase)))
        THEN 1 ELSE 0 END`,
      type: 'int',
    },
    { expr: 'p.published_at', type: 'timestamptz' },
  ],
  dir: 'DESC',
};
/** Keyset per sort: the key columns (then id) and the direction. */
const KEYS: Record<Sort, { keys: Key[]; dir: 'DESC' | 'ASC' }> = {
  relevance: EXACT,
  newest: { keys: [{ expr: 'p.published_at', type: 'timestamptz' }], dir: 'DESC' },
  salary: { keys: [{ expr: 'COALESCE(p.salary_max, -1)', type: 'bigint' }], dir: 'DESC' },
  distance: { keys: [{ expr: `COALESCE(${DISTANCE}, 1e9)`, type: 'float8' }], dir: 'ASC' },
};

interface Row {
  id: string;
  title: string;
  company_id: string;
  company_name: string;
  salary_min: string | null;
  salary_max: string | null;
  salary_negotiable: boolean;
  employment_type: JobSummaryDto['employmentType'];
  shifts: string[];
  industry: string;
  commune_code: string;
  commune_name: string;
  zone_code: string | null;
  zone_name: string | null;
  lat: number | null;
  lng: number | null;
  benefits: string[];
  openings: number;
  deadline: string | null;
  published_at: Date;
  distance_km: number | null;
  [k: `k${number}`]: string;
}

const SELECT = `SELECT p.id, p.title, p.company_id, c.name AS company_name, p.salary_min, p.salary_max,
    p.salary_negotiable, p.employment_type, p.shifts, p.industry, p.commune_code, m.name AS commune_name,
    p.zone_code, z.name AS zone_name, p.lat, p.lng, p.benefits, p.openings, p.deadline::text AS deadline,
    p.published_at`;
const JOINS = `JOIN companies c ON c.id = p.company_id
    JOIN communes m ON m.code = p.commune_code LEFT JOIN industrial_zones z ON z.code = p.zone_code`;
const FROM = `FROM job_postings p ${JOINS}`;

const num = (v: string | null) => (v === null ? null : Number(v));
const summary = (r: Row): JobSummaryDto => ({
  id: r.id,
  title: r.title,
  company: { id: r.company_id, name: r.company_name },
  salaryMin: num(r.salary_min),
  salaryMax: num(r.salary_max),
  salaryNegotiable: r.salary_negotiable,
  employmentType: r.employment_type,
  shifts: r.shifts,
  industry: r.industry,
  communeCode: r.commune_code,
  communeName: r.commune_name,
  zoneCode: r.zone_code,
  zoneName: r.zone_name,
  lat: r.lat,
  lng: r.lng,
  benefits: r.benefits,
  openings: r.openings,
  deadline: r.deadline,
  publishedAt: new Date(r.published_at).toISOString(),
  distanceKm:
    r.distance_km === null || r.distance_km === undefined ? null : Math.round(r.distance_km * 10) / 10,
});

const badCursor = () =>
  new ValidationError('invalid_cursor', {
    vi: 'Con trỏ trang không hợp lệ cho truy vấn này.',
    en: 'The page cursor does not fit this query.',
  });

const SCHEMA_TYPES: Record<JobSummaryDto['employmentType'], string> = {
  full_time: 'FULL_TIME',
  part_time: 'PART_TIME',
  seasonal: 'TEMPORARY',
  contract: 'CONTRACTOR',
  internship: 'INTERN',
};

/** Public job search over published postings: accent-free, typo-tolerant text, filters, keyset pages. */
export function createJobSearch(deps: { sequelize: Sequelize; industries: Map<string, Industry> }) {
  const { sequelize, industries } = deps;

  async function search(
    input: JobSearchInput,
  ): Promise<{ items: JobSummaryDto[]; nextCursor: string | null; searchedFor: string | null }> {
    const q = input.q?.trim() || undefined;
    const sort: Sort = input.sort ?? (q ? 'relevance' : 'newest');
    const hasPoint = input.lat !== undefined && input.lng !== undefined;
    if (sort === 'distance' && !hasPoint)
      throw new ValidationError('point_required', {
        vi: 'Sắp xếp theo khoảng cách cần vị trí (lat, lng).',
        en: 'Sorting by distance needs a point (lat, lng).',
      });
    if (sort === 'relevance' && !q)
      throw new ValidationError('query_required', {
        vi: 'Sắp xếp theo mức liên quan cần từ khóa tìm kiếm.',
        en: 'Sorting by relevance needs search text.',
      });
    const filters = [VISIBLE];
    if (input.zone) filters.push('p.zone_code = :zone');
    if (input.commune) filters.push('p.commune_code = :commune');
    if (input.salaryMin !== undefined) filters.push('p.salary_max >= :salaryMin');
    if (input.type) filters.push('p.employment_type = :type');
    if (input.industry) filters.push('p.industry = :industry');
    if (input.since)
      filters.push(`p.published_at >= (CAST(:since AS date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`);

    // Text: the query read word by word (misspelt words corrected against the words of published postings), then
    // the accent-free phrase itself (its words through the full-text index, then LIKE on the rows found), else all
    // its words in any order. The mode is decided on the first page and carried by the cursor.
    const text = q ? await readQuery(sequelize, q) : undefined;
    const phrase = text?.corrected ?? q ?? '';
    const pat = likePattern(phrase);
    let parsed: { s?: unknown; k?: unknown } | undefined;
    if (input.cursor) {
      try {
        parsed = JSON.parse(Buffer.from(input.cursor, 'base64url').toString('utf8')) as typeof parsed;
      } catch {
        throw badCursor();
      }
    }
    const run = async (mode: 'x' | 'w' | '') => {
      const where = [...filters];
      // The words (or, for a phrase, its pairs of neighbours) through an index, then the phrase in the rows found.
      if (mode === 'w' || (mode === 'x' && (text?.words.length ?? 0) < 2)) where.push(HAS_WORDS);
      if (mode === 'x' && (text?.words.length ?? 0) >= 2) where.push(HAS_PAIRS);
      if (mode === 'x') where.push('p.search_text LIKE f_unaccent(lower(:pat))');
      const cursorSort = mode ? `${sort}:${mode}` : sort;
      const { keys, dir } = sort !== 'relevance' ? KEYS[sort] : mode === 'x' ? EXACT : ALL_WORDS;
      const cursorValues: Record<string, string> = {};
      if (parsed) {
        const c = parsed;
        if (
          c.s !== cursorSort ||
          !Array.isArray(c.k) ||
          c.k.length !== keys.length + 1 ||
          !c.k.every((v) => typeof v === 'string')
        )
          throw badCursor();
        const ks = c.k as string[];
        if (!/^[0-9a-f-]{36}$/.test(ks[keys.length]!)) throw badCursor();
        ks.forEach((v, i) => (cursorValues[`c${i}`] = v));
        const left = [...keys.map((k) => k.expr), 'p.id'].join(', ');
        const right = [
          ...keys.map((k, i) => `CAST(:c${i} AS ${k.type})`),
          `CAST(:c${keys.length} AS uuid)`,
        ].join(', ');
        where.push(`(${left}) ${dir === 'DESC' ? '<' : '>'} (${right})`);
      }
      const order = [...keys.map((k) => `${k.expr} ${dir}`), `p.id ${dir}`].join(', ');
      const keySelect = keys.map((k, i) => `, (${k.expr})::text AS k${i}`).join('');
      // The page is chosen on job_postings alone; the company, commune and zone are joined to its rows only
      // (joined before the sort, a phrase held by 1,600 postings cost 20 ms more: npm run bench:jobs).
      const sql = `${SELECT}${hasPoint ? `, ${DISTANCE} AS distance_km` : ', NULL::float8 AS distance_km'}${keySelect}
        FROM (SELECT p.* FROM job_postings p WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT :limit) p
        ${JOINS} ORDER BY ${order}`;
      let rows: Row[];
      try {
        rows = await sequelize.query<Row>(sql, {
          replacements: { ...input, phrase, pat, limit: input.limit + 1, ...cursorValues },
          type: QueryTypes.SELECT,
        });
      } catch (err) {
        // A cursor whose values do not cast (edited by hand) is a client mistake, not a 500.
        if (input.cursor && /invalid input syntax|out of range/i.test((err as Error).message))
          throw badCursor();
        throw err;
      }
      const page = rows.slice(0, input.limit);
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > input.limit && last
          ? Buffer.from(
              JSON.stringify({ s: cursorSort, k: [...keys.map((_, i) => last[`k${i}`]), last.id] }),
              'utf8',
            ).toString('base64url')
          : null;
      return { items: page.map(summary), nextCursor, searchedFor: text?.corrected ?? null };
    };
    if (!text) return run('');
    // Several words not found side by side may still all be there, in another order.
    const anyWords = text.words.length > 1;
    if (parsed) return run(String(parsed.s).endsWith(':x') || !anyWords ? 'x' : 'w');
    const exact = await run('x');
    return exact.items.length || !anyWords ? exact : run('w');
  }

  async function get(id: string): Promise<JobDetailDto> {
    const [r] = await sequelize.query<
      Row & {
        description: string;
        requirements: string;
        c_industry: string;
        c_size: string;
        c_address: string;
        c_commune: string;
        c_zone: string | null;
        zone_lat: number | null;
        zone_lng: number | null;
      }
    >(
      `${SELECT}, NULL::float8 AS distance_km, p.description, p.requirements, c.industry AS c_industry,
         c.size AS c_size, c.address AS c_address, c.commune_code AS c_commune, c.zone_code AS c_zone,
         z.lat AS zone_lat, z.lng AS zone_lng
       ${FROM} WHERE p.id = :id AND ${VISIBLE}`,
      { replacements: { id }, type: QueryTypes.SELECT },
    );
    if (!r) throw new NotFound('job_not_found', { vi: 'Không tìm thấy việc làm.', en: 'No such job.' });
    const s = summary(r);
    const industryName = industries.get(r.industry)?.name ?? r.industry;
    const detail = {
      ...s,
      description: r.description,
      requirements: r.requirements,
      company: {
        id: r.company_id,
        name: r.company_name,
        industry: r.c_industry,
        size: r.c_size,
        address: r.c_address,
        communeCode: r.c_commune,
        zoneCode: r.c_zone,
      },
      zone: r.zone_code
        ? { code: r.zone_code, name: r.zone_name ?? r.zone_code, lat: r.zone_lat, lng: r.zone_lng }
        : null,
      industryName,
    };
    return { ...detail, jsonLd: jobPostingLd(detail) };
  }

  return { search, get };
}

/** schema.org JobPosting for search engines (Google for Jobs). */
export function jobPostingLd(j: Omit<JobDetailDto, 'jsonLd'>): Record<string, unknown> {
  const description = j.requirements ? `${j.description}\n\nYêu cầu:\n${j.requirements}` : j.description;
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    identifier: { '@type': 'PropertyValue', name: j.company.name, value: j.id },
    title: j.title,
    description,
    datePosted: j.publishedAt.slice(0, 10),
    ...(j.deadline ? { validThrough: `${j.deadline}T23:59:59+07:00` } : {}),
    employmentType: SCHEMA_TYPES[j.employmentType],
    industry: j.industryName,
    totalJobOpenings: j.openings,
    hiringOrganization: { '@type': 'Organization', name: j.company.name },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        ...(j.zoneName ? { streetAddress: j.zoneName } : {}),
        addressLocality: j.communeName,
        addressRegion: 'Đắk Lắk',
        addressCountry: 'VN',
      },
      ...(j.lat !== null && j.lng !== null
        ? { geo: { '@type': 'GeoCoordinates', latitude: j.lat, longitude: j.lng } }
        : {}),
    },
    ...(!j.salaryNegotiable && j.salaryMin !== null && j.salaryMax !== null
      ? {
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: 'VND',
            value: {
              '@type': 'QuantitativeValue',
              minValue: j.salaryMin,
              maxValue: j.salaryMax,
              unitText: 'MONTH',
            },
          },
        }
      : {}),
  };
}

export type JobSearch = ReturnType<typeof createJobSearch>;
