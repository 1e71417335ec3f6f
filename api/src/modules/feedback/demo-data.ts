import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { loadCategories } from './categories.ts';
import { STATUS_EN, STATUS_VI, type Status } from './lifecycle.ts';
import { addWorkingDays, loadHolidays } from './working-days.ts';
import {
  DEMO_HAMLETS,
  DEMO_NOTES,
  DEMO_RATING_COMMENTS,
  DEMO_REJECTIONS,
  DEMO_REOPEN,
  DEMO_STREETS,
  DEMO_TEXTS,
  type DemoTexts,
} from './demo-texts.ts';
import { demoImages, demoUsers, prng } from './demo-support.ts';
import { redact } from './publication.redact.ts';

/**
 * Demo feedback (demo data, development only): a few hundred reports from a handful of demo citizens across
 * categories, communes and every state, with consistent timelines, working-day deadlines (some overdue),
 * answers, ratings, rejections, duplicates and a few photos. Deterministic for a given `now` (seeded PRNG);
 * written in one transaction by a handful of set-based INSERTs.
 */
export interface DemoFeedbackOptions {
  count?: number;
  now?: Date;
  seed?: number;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const STATUS_WEIGHTS = [
  ['submitted', 11],
  ['accepted', 7],
  ['assigned', 14],
  ['in_progress', 15],
  ['resolved', 38],
  ['rejected', 9],
  ['duplicate', 6],
] as const satisfies ReadonlyArray<readonly [Status, number]>;

const CATEGORY_WEIGHTS = [
  ['urban_order', 18],
  ['traffic', 17],
  ['environment', 16],
  ['public_admin', 12],
  ['health', 10],
  ['other', 10],
  ['education', 9],
  ['security', 8],
] as const;

const RATINGS = [
  [5, 40],
  [4, 30],
  [3, 14],
  [2, 9],
  [1, 7],
] as const;
const IMAGES = 6;

/** The demo citizen 0905000006's own reports, so the citizen app shows every kind of report. */
const OWN: Status[] = ['submitted', 'in_progress', 'resolved', 'resolved', 'rejected'];

interface Commune {
  code: string;
  name: string;
  type: string;
  lat: number;
  lng: number;
}
interface Placed {
  id: string;
  title: string;
  created: number;
  commune: Commune;
}
interface Ev {
  report_id: string;
  at: string;
  status: Status;
  actor_id: string | null;
  department: string | null;
  public_note: string | null;
  internal: boolean;
}

export async function seedFeedbackDemo(
  sequelize: Sequelize,
  t: Transaction,
  opts: DemoFeedbackOptions = {},
): Promise<{ reports: number }> {
  const count = opts.count ?? 300;
  const now = (opts.now ?? new Date()).getTime();
  const r = prng(opts.seed ?? 20260701);
  const { byCode } = loadCategories();
  const holidays = loadHolidays();
  const users = await demoUsers(sequelize, t);
  const communes = await sequelize.query<Commune>(
    'SELECT code, name, type, lat, lng FROM communes ORDER BY code',
    {
      type: QueryTypes.SELECT,
      transaction: t,
    },
  );
  if (!communes.length) throw new Error('demo feedback needs the communes reference data');
  // Wards (phường) are towns: more people, more reports.
  const communeWeights = communes.map((c) => [c, c.type === 'ward' ? 4 : 1] as const);
  /** The next moment of a timeline: `hours` later, but never reaching now (times stay increasing). */
  const step = (from: number, hours: number) =>
    from + Math.min(hours * HOUR, Math.max(0, now - from) * r.between(0.2, 0.5));

  const reports: Record<string, unknown>[] = [];
  const events: Ev[] = [];
  const photos: Array<{ report_id: string; idx: number; img: number; kind: string }> = [];
  const notifications: Record<string, unknown>[] = [];
  const lastByPlace = new Map<string, Placed>();
  const lastByCategory = new Map<string, Placed>();

  for (let i = 0; i < count; i++) {
    const own = i < OWN.length && users.demoCitizen !== null;
    let status: Status = own ? (OWN[i] as Status) : r.weighted(STATUS_WEIGHTS);
    const category: string = r.weighted(CATEGORY_WEIGHTS);
    let commune = r.weighted(communeWeights);
    let original: Placed | undefined;
    if (status === 'duplicate') {
      original = r.next() < 0.5 ? lastByPlace.get(`${category}:${commune.code}`) : undefined;
      original ??= lastByCategory.get(category);
      if (original) commune = original.commune;
      else status = 'submitted';
    }
    const cat = byCode.get(category);
    if (!cat) continue;
    const texts = DEMO_TEXTS[category] ?? (DEMO_TEXTS.other as DemoTexts);
    const text = r.pick(texts.items);
    const title = original?.title ?? text.title;
    const address = `${r.next() < 0.5 ? r.pick(DEMO_STREETS) : r.pick(DEMO_HAMLETS)}, ${commune.name}`;
    const withPoint = r.next() < 0.8;
    const id = r.uuid();
    const userId = own ? (users.demoCitizen as string) : r.pick(users.citizens);
    const open = status === 'accepted' || status === 'assigned' || status === 'in_progress';
    // Ages: new reports are still waiting; about a third of the open ones have passed their deadline.
    const overdue = open && !own && r.next() < 0.36;
    const dd = cat.deadlineDays;
    let created: number;
    if (status === 'submitted') created = now - r.between(0.05, 4) * DAY;
    else if (overdue) created = now - r.between(dd * 1.5 + 3, 45) * DAY;
    else if (open) created = now - r.between(0.3, Math.max(1, dd * 0.6)) * DAY;
    else if (own && i === 2) created = now - 6 * DAY;
    else if (original) created = step(original.created, r.between(3, 72));
    else created = now - r.between(3, 90) * DAY;
    let acceptedAt = step(created, r.between(1, 26));
    let due = addWorkingDays(new Date(acceptedAt), dd, holidays).getTime();
    for (let k = 0; overdue && due >= now && k < 10; k++) {
      created -= dd * DAY;
      acceptedAt -= dd * DAY;
      due = addWorkingDays(new Date(acceptedAt), dd, holidays).getTime();
    }
    if (open && !overdue && due < now) {
      created = now - r.between(4, 20) * HOUR;
      acceptedAt = step(created, r.between(1, 3));
      due = addWorkingDays(new Date(acceptedAt), dd, holidays).getTime();
    }
    if (open && !overdue && !own && r.next() < 0.35) {
      // Due within the next 48 hours, when the calendar allows it (after a weekend it may not).
      let back = dd * 1.2;
      for (let k = 0; k < 40; k++) {
        const a = now - back * DAY;
        const d = addWorkingDays(new Date(a), dd, holidays).getTime();
        if (d > now + 2 * HOUR && d < now + 46 * HOUR) {
          acceptedAt = a;
          created = a - r.between(1, 20) * HOUR;
          due = d;
          break;
        }
        back += d <= now + 2 * HOUR ? -0.25 : 0.25;
      }
    }
    const reportDept =
      category === 'other' && r.next() < 0.25 ? r.pick(['syt', 'sxd', 'stnmt'] as const) : cat.department;
    const officer = users.officerOf.get(reportDept) ?? null;
    const reopened = status === 'resolved' && !own && r.next() < 0.06;

    const ev: Ev[] = [];
    const push = (at: number, s: Status, actor: string | null, dept: string | null, note: string | null) =>
      ev.push({
        report_id: id,
        at: new Date(at).toISOString(),
        status: s,
        actor_id: actor,
        department: dept,
        public_note: note,
        internal: false,
      });
    push(created, 'submitted', userId, null, null);

    let answer: string | null = null;
    let rejection: string | null = null;
    let resolvedAt: number | null = null;
    let rating: number | null = null;
    let ratingComment: string | null = null;
    let accepted = false;
    if (original) {
      push(step(created, r.between(2, 20)), 'duplicate', users.operator, null, null);
    } else if (status === 'rejected' && r.next() < 0.6) {
      rejection = r.pick(DEMO_REJECTIONS);
      push(acceptedAt, 'rejected', users.operator, null, rejection);
    } else if (status !== 'submitted') {
      accepted = true;
      push(acceptedAt, 'accepted', users.operator, cat.department, null);
      if (status === 'rejected') {
        rejection = r.pick(DEMO_REJECTIONS);
        push(step(acceptedAt, r.between(2, 30)), 'rejected', users.operator, cat.department, rejection);
      }
    }
    const assignedAt = step(acceptedAt, r.between(0.5, 8));
    let at = step(assignedAt, r.between(2, 40));
    if (status === 'assigned' || status === 'in_progress' || status === 'resolved')
      push(assignedAt, 'assigned', users.operator, reportDept, null);
    if (status === 'in_progress' || status === 'resolved') {
      push(at, 'in_progress', officer, reportDept, null);
      if (!reopened && r.next() < 0.3) {
        at = step(at, r.between(1, 20));
        push(at, 'in_progress', officer, reportDept, r.pick(DEMO_NOTES));
        (ev[ev.length - 1] as Ev).internal = true;
      }
    }
    if (status === 'resolved') {
      answer = r.pick(texts.answers);
      const late = r.next() < 0.18;
      const target = late
        ? due + r.between(2, 72) * HOUR
        : at + r.between(0.2, 0.9) * Math.max(due - at, 6 * HOUR);
      resolvedAt =
        own && i === 2 ? Math.max(now - 2 * DAY, at + HOUR) : Math.min(target, at + (now - at) * 0.9);
      if (reopened) {
        // Resolved once, reopened by the author ("chưa được xử lý"), handled again.
        const first = at + (resolvedAt - at) * 0.4;
        push(first, 'resolved', officer, reportDept, answer);
        push(first + (resolvedAt - first) * 0.3, 'in_progress', userId, reportDept, DEMO_REOPEN);
      }
      push(resolvedAt, 'resolved', officer, reportDept, answer);
      if (!(own && i === 2) && r.next() < 0.62) {
        rating = r.weighted(RATINGS);
        ratingComment = r.next() < 0.5 ? r.pick(DEMO_RATING_COMMENTS) : null;
      }
      if (cat.onSite) photos.push({ report_id: id, idx: 0, img: r.int(IMAGES), kind: 'result' });
    }
    events.push(...ev);
    let n = 0;
    if (r.next() < 0.3 || (own && i < 2)) n = 1 + r.int(2);
    for (let k = 1; k <= n; k++) photos.push({ report_id: id, idx: k, img: r.int(IMAGES), kind: 'report' });
    for (const p of photos) if (p.report_id === id && p.kind === 'result') p.idx = n + 1;

    if (!original && status !== 'rejected') {
      const placed = { id, title, created, commune };
      lastByPlace.set(`${category}:${commune.code}`, placed);
      lastByCategory.set(category, placed);
    }
    const jitter = () => (r.next() - 0.5) * 0.02;
    const description = text.description.replace('{place}', address);
    reports.push({
      id,
      user_id: userId,
      category,
      title,
      description,
      lat: withPoint ? commune.lat + jitter() : null,
      lng: withPoint ? commune.lng + jitter() : null,
      commune_code: commune.code,
      address: withPoint ? null : address,
      status,
      department: accepted
        ? status === 'accepted' || status === 'rejected'
          ? cat.department
          : reportDept
        : null,
      due_at: accepted ? new Date(due).toISOString() : null,
      accepted_at: accepted ? new Date(acceptedAt).toISOString() : null,
      resolved_at: resolvedAt ? new Date(resolvedAt).toISOString() : null,
      answer,
      rejection_reason: rejection,
      duplicate_of: original?.id ?? null,
      rating,
      rating_comment: ratingComment,
      reopen_count: reopened ? 1 : 0,
      // Most resolved reports of other citizens are published (masked text), so Open311 lists something.
      ...publication(
        status === 'resolved' && !own && parseInt(id.slice(-2), 16) % 10 < 6,
        title,
        description,
        resolvedAt,
      ),
      created_at: new Date(created).toISOString(),
      updated_at: (ev[ev.length - 1] as Ev).at,
    });
    if (own)
      for (const e of ev.filter((x) => !x.internal && x.status !== 'submitted'))
        notifications.push({
          user_id: userId,
          kind: `feedback.${e.status}`,
          title_vi: `Phản ánh: ${STATUS_VI[e.status]}`,
          title_en: `Report: ${STATUS_EN[e.status]}`,
          body: e.public_note ? `${title} — ${e.public_note}` : title,
          link: `#/feedback/${id}`,
          entity_id: id,
          created_at: e.at,
          read: Date.parse(e.at) < now - 3 * DAY,
        });
  }

  const json = (x: unknown) => JSON.stringify(x);
  await sequelize.query(
    `INSERT INTO feedback_reports (id, user_id, category, title, description, lat, lng, commune_code, address, status,
       department, due_at, accepted_at, resolved_at, answer, rejection_reason, duplicate_of, rating, rating_comment,
       reopen_count, published, public_title, public_description, published_at, created_at, updated_at)
     SELECT * FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(id uuid, user_id uuid, category text, title text,
       description text, lat double precision, lng double precision, commune_code text, address text, status text,
       department text, due_at timestamptz, accepted_at timestamptz, resolved_at timestamptz, answer text,
       rejection_reason text, duplicate_of uuid, rating smallint, rating_comment text, reopen_count integer,
       published boolean, public_title text, public_description text, published_at timestamptz,
       created_at timestamptz, updated_at timestamptz)
     ORDER BY x.created_at`,
    { replacements: { rows: json(reports) }, transaction: t },
  );
  await sequelize.query(
    `INSERT INTO feedback_events (report_id, at, status, actor_id, department, public_note, internal)
     SELECT x.report_id, x.at, x.status, x.actor_id, x.department, x.public_note, x.internal
     FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(report_id uuid, at timestamptz, status text,
       actor_id uuid, department text, public_note text, internal boolean, n bigint)
     ORDER BY x.at, x.n`,
    { replacements: { rows: json(events.map((e, n) => ({ ...e, n }))) }, transaction: t },
  );
  await sequelize.query(
    `INSERT INTO feedback_photos (report_id, idx, image, thumb, width, height, kind)
     SELECT x.report_id, x.idx, decode(i.image, 'hex'), decode(i.thumb, 'hex'), i.width, i.height, x.kind
     FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(report_id uuid, idx smallint, img integer, kind text)
     JOIN jsonb_to_recordset(CAST(:images AS jsonb)) AS i(n integer, image text, thumb text, width integer, height integer)
       ON i.n = x.img`,
    { replacements: { rows: json(photos), images: json(await demoImages()) }, transaction: t },
  );
  await sequelize.query(
    `INSERT INTO notifications (user_id, kind, title_vi, title_en, body_vi, body_en, link, entity_type, entity_id,
       created_at, read_at)
     SELECT x.user_id, x.kind, x.title_vi, x.title_en, x.body, x.body, x.link, 'feedback', x.entity_id, x.created_at,
       CASE WHEN x.read THEN x.created_at + interval '1 hour' END
     FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(user_id uuid, kind text, title_vi text, title_en text,
       body text, link text, entity_id text, created_at timestamptz, read boolean)`,
    { replacements: { rows: json(notifications) }, transaction: t },
  );
  return { reports: reports.length };
}

function publication(publish: boolean, title: string, description: string, resolvedAt: number | null) {
  return publish && resolvedAt
    ? {
        published: true,
        public_title: redact(title).text,
        public_description: redact(description).text,
        published_at: new Date(resolvedAt + 3_600_000).toISOString(),
      }
    : { published: false, public_title: null, public_description: null, published_at: null };
}
