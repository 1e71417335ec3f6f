import { randomBytes } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import { audit, type AuditActor } from '../../platform/audit.ts';
import type { Sealer } from '../../platform/crypto.ts';
import { AppError, NotFound, ValidationError } from '../../platform/errors.ts';
import { loadCategories } from '../feedback/categories.ts';
import type { FeedbackService } from '../feedback/feedback.service.ts';
import { STATUS_VI, type Status } from '../feedback/lifecycle.ts';
import { redact } from '../feedback/publication.redact.ts';
import type { ReferenceService } from '../reference/reference.service.ts';
import type { Open311Keys } from './keys.ts';
import { KEYWORDS, NewRequest, type RequestsQuery, type UpdatesQuery } from './open311.schemas.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { vnTime } from './format.ts';

const OPEN: Status[] = ['submitted', 'accepted', 'assigned', 'in_progress'];
const CLOSED: Status[] = ['resolved', 'rejected', 'duplicate'];
export const openOrClosed = (s: string) => (CLOSED.includes(s as Status) ? 'closed' : 'open');
const MAX_RESULTS = 1000;
const DEFAULT_DAYS = 90;

interface RequestRow {
  id: string;
  category: string;
  status: Status;
  public_title: string | null;
  public_description: string | null;
  department: string | null;
  created_at: Date;
  updated_at: Date;
  due_at: Date | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  commune_name: string | null;
  answer: string | null;
  rejection_reason: string | null;
  full_name: string | null;
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 1e5) / 1e5);
const bad = (code: string, field: string, vi: string, en: string) =>
  new ValidationError(
    code,
    { vi, en },
    { fields: [{ path: field, code, message: vi, messages: { vi, en } }] },
  );

/** The window of a listing: explicit dates, else the last 90 days. */
function window(q: { start_date?: Date | undefined; end_date?: Date | undefined }) {
  const end = q.end_date ?? new Date();
  const start = q.start_date ?? new Date(end.getTime() - DEFAULT_DAYS * 86400_000);
  return { start, end };
}

/**
 * Open311 GeoReport v2 over our feedback: only reports the province published, only their public (redacted)
 * text; never the reporter, photos or internal notes. POSTed requests become ordinary reports of the client's
 * system account.
 */
export function createOpen311Service(deps: {
  sequelize: Sequelize;
  sealer: Sealer;
  keys: Open311Keys;
  feedback: FeedbackService;
  reference: ReferenceService;
}) {
  const { sequelize } = deps;
  const { categories, departments, byCode } = loadCategories();
  const deptName = new Map(departments.map((d) => [d.code, d.name]));

  function services() {
    return categories.map((c) => ({
      service_code: c.code,
      service_name: c.name,
      description: `${c.name} (${c.nameEn}). Thời hạn xử lý ${c.deadlineDays} ngày làm việc kể từ khi tiếp nhận.`,
      metadata: false,
      type: 'realtime',
      keywords: (KEYWORDS[c.code] ?? []).join(','),
      group: deptName.get(c.department) ?? '',
    }));
  }

  function serviceDefinition(code: string) {
    if (!byCode.has(code))
      throw new NotFound('unknown_service_code', {
        vi: `Không có dịch vụ (lĩnh vực) "${code}".`,
        en: `No service "${code}".`,
      });
    return { service_code: code, attributes: [] as unknown[] };
  }

  const toRequest = (r: RequestRow) => {
    const names = r.full_name ? [r.full_name] : [];
    const notes =
      r.status === 'resolved'
        ? r.answer
        : r.status === 'rejected'
          ? r.rejection_reason
          : r.status === 'duplicate'
            ? 'Trùng với một phản ánh khác.'
            : null;
    const address = [r.address ? redact(r.address, { names }).text : null, r.commune_name]
      .filter(Boolean)
      .join(', ');
    return {
      service_request_id: r.id,
      status: openOrClosed(r.status),
      status_notes: notes ? redact(notes, { names }).text : null,
      service_name: byCode.get(r.category)?.name ?? r.category,
      service_code: r.category,
      title: r.public_title,
      description: r.public_description,
      agency_responsible: r.department ? (deptName.get(r.department) ?? r.department) : null,
      service_notice: null,
      requested_datetime: vnTime(r.created_at),
      updated_datetime: vnTime(r.updated_at),
      expected_datetime: r.due_at ? vnTime(r.due_at) : null,
      address: address || null,
      address_id: null,
      zipcode: null,
      lat: round(r.lat),
      long: round(r.lng),
      media_url: null,
      detailed_status: r.status,
    };
  };

  const SELECT = `SELECT r.id, r.category, r.status, r.public_title, r.public_description, r.department, r.created_at,
      r.updated_at, r.due_at, coalesce(r.lat, c.lat) AS lat, coalesce(r.lng, c.lng) AS lng, r.address,
      c.name AS commune_name, r.answer, r.rejection_reason, u.full_name
    FROM feedback_reports r LEFT JOIN communes c ON c.code = r.commune_code LEFT JOIN users u ON u.id = r.user_id
    WHERE r.published`;

  async function requests(q: RequestsQuery) {
    const where: string[] = [];
    const rep: Record<string, unknown> = {};
    if (q.service_request_id?.length) {
      where.push('r.id IN (:ids)');
      rep.ids = q.service_request_id;
    } else {
      const { start, end } = window(q);
      where.push('r.created_at BETWEEN :start AND :end');
      Object.assign(rep, { start, end });
      if (q.service_code?.length) {
        where.push('r.category IN (:codes)');
        rep.codes = q.service_code;
      }
      if (q.status?.length === 1) {
        where.push('r.status IN (:statuses)');
        rep.statuses = q.status[0] === 'open' ? OPEN : CLOSED;
      }
      if (q.lat !== undefined && q.long !== undefined) {
        where.push(`6371000 * 2 * asin(sqrt(power(sin(radians(coalesce(r.lat, c.lat) - :lat) / 2), 2)
          + cos(radians(:lat)) * cos(radians(coalesce(r.lat, c.lat)))
          * power(sin(radians(coalesce(r.lng, c.lng) - :lng) / 2), 2))) <= :radius`);
        Object.assign(rep, { lat: q.lat, lng: q.long, radius: q.radius });
      }
    }
    const pageSize = Math.min(q.page_size ?? MAX_RESULTS, MAX_RESULTS);
    const rows = await sequelize.query<RequestRow>(
      `${SELECT} AND ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT :limit OFFSET :offset`,
      {
        replacements: { ...rep, limit: pageSize, offset: ((q.page ?? 1) - 1) * pageSize },
        type: QueryTypes.SELECT,
      },
    );
    return rows.map(toRequest);
  }

  async function request(id: string) {
    const rows = /^[0-9a-f-]{36}$/i.test(id)
      ? await sequelize.query<RequestRow>(`${SELECT} AND r.id = :id`, {
          replacements: { id },
          type: QueryTypes.SELECT,
        })
      : [];
    if (!rows[0])
      throw new NotFound('service_request_not_found', {
        vi: 'Không có yêu cầu công khai với mã này.',
        en: 'No public service request with this id.',
      });
    return rows.map(toRequest);
  }

  async function token(value: string) {
    const [row] = await sequelize.query<{ report_id: string }>(
      'SELECT report_id FROM open311_requests WHERE token = :value',
      { replacements: { value }, type: QueryTypes.SELECT },
    );
    if (!row) throw new NotFound('token_not_found', { vi: 'Không có mã (token) này.', en: 'No such token.' });
    return [{ service_request_id: row.report_id, token: value }];
  }

  /** Public timeline events of published reports (the `servicerequestupdates` extension). */
  async function updates(q: UpdatesQuery) {
    const { start, end } = window(q);
    const rows = await sequelize.query<{
      id: string;
      report_id: string;
      status: Status;
      at: Date;
      public_note: string | null;
      by_reporter: boolean;
      full_name: string | null;
    }>(
      `SELECT e.id, e.report_id, e.status, e.at, e.public_note, e.actor_id = r.user_id AS by_reporter, u.full_name
       FROM feedback_events e JOIN feedback_reports r ON r.id = e.report_id LEFT JOIN users u ON u.id = r.user_id
       WHERE r.published AND NOT e.internal AND e.at BETWEEN :start AND :end
         ${q.service_request_id?.length ? 'AND e.report_id IN (:ids)' : ''}
       ORDER BY e.at, e.id LIMIT ${MAX_RESULTS}`,
      { replacements: { start, end, ids: q.service_request_id ?? [] }, type: QueryTypes.SELECT },
    );
    return rows.map((e) => ({
      update_id: String(e.id),
      service_request_id: e.report_id,
      status: openOrClosed(e.status),
      updated_datetime: vnTime(e.at),
      description:
        e.by_reporter && e.status !== 'submitted'
          ? 'Người dân mở lại phản ánh.'
          : e.public_note
            ? redact(e.public_note, { names: e.full_name ? [e.full_name] : [] }).text
            : STATUS_VI[e.status],
      media_url: null,
      external_status_code: e.status,
    }));
  }

  /** POST requests: a report of the client's system account; the point must be inside the province. */
  async function create(apiKey: unknown, body: unknown, actor: Omit<AuditActor, 'userId'>) {
    // The key first: without one, nothing about the request is looked at.
    const client = await deps.keys.authenticate(apiKey);
    // Unknown fields (attribute[…], extra client fields) are ignored, as the spec expects.
    const input = parseOrThrow(NewRequest, body, 'body');
    const category = byCode.get(input.service_code);
    if (!category)
      throw bad(
        'unknown_service_code',
        'service_code',
        `Không có dịch vụ (lĩnh vực) "${input.service_code}"; xem services.json.`,
        `Unknown service_code "${input.service_code}"; see services.json.`,
      );
    const hasPoint = input.lat !== undefined && input.long !== undefined;
    if (!hasPoint && (input.lat !== undefined || input.long !== undefined))
      throw bad(
        'location_incomplete',
        input.lat === undefined ? 'lat' : 'long',
        'Cần cả lat và long.',
        'Give both lat and long.',
      );
    let communeCode: string | undefined;
    if (!hasPoint) {
      if (!input.address_string)
        throw bad(
          'location_required',
          'lat',
          'Cần vị trí: lat + long, hoặc address_string có tên xã/phường.',
          'A location is required: lat + long, or an address_string naming the commune or ward.',
        );
      communeCode = (await deps.reference.communeInAddress(input.address_string)) ?? undefined;
      if (!communeCode)
        throw bad(
          'address_commune_unknown',
          'address_string',
          'Không xác định được xã/phường trong address_string; hãy ghi rõ tên xã/phường hoặc gửi lat + long.',
          'No commune or ward of the province found in address_string; name it, or send lat + long.',
        );
    }
    const description = input.description;
    const title = description.length <= 100 ? description : `${description.slice(0, 99).trimEnd()}…`;
    let report: { id: string };
    try {
      report = await deps.feedback.submit(
        client.userId,
        {
          category: category.code,
          title,
          description,
          ...(hasPoint ? { lat: input.lat, lng: input.long } : {}),
          ...(communeCode ? { communeCode } : {}),
          ...(input.address_string ? { address: input.address_string } : {}),
        },
        [],
      );
    } catch (err) {
      // Name the Open311 parameters in field errors.
      if (err instanceof AppError && err.fields) {
        const rename: Record<string, string> = {
          'body.lat': 'lat',
          'body.lng': 'long',
          'body.communeCode': 'address_string',
          'body.address': 'address_string',
        };
        throw new ValidationError(err.code, err.messages, {
          fields: err.fields.map((f) => ({ ...f, path: rename[f.path] ?? f.path })),
        });
      }
      throw err;
    }
    const contact = Object.fromEntries(
      (['email', 'first_name', 'last_name', 'phone', 'device_id', 'account_id'] as const)
        .filter((k) => input[k])
        .map((k) => [k, input[k]]),
    );
    const tokenValue = randomBytes(16).toString('base64url');
    await sequelize.transaction(async (t) => {
      await sequelize.query(
        `INSERT INTO open311_requests (token, report_id, client_id, contact, media_url)
         VALUES (:token, :reportId, :clientId, :contact, :mediaUrl)`,
        {
          replacements: {
            token: tokenValue,
            reportId: report.id,
            clientId: client.clientId,
            // Contact details of the person, if the client sent any: encrypted at rest, never public.
            contact: Object.keys(contact).length
              ? deps.sealer.seal(JSON.stringify(contact), `open311-contact:${report.id}`)
              : null,
            mediaUrl: input.media_url ?? null,
          },
          transaction: t,
        },
      );
      await audit(
        { ...actor, userId: client.userId },
        {
          action: 'open311.request_create',
          entityType: 'feedback',
          entityId: report.id,
          details: { clientId: client.clientId, client: client.name },
        },
        t,
      );
    });
    return [
      {
        service_request_id: report.id,
        token: tokenValue,
        service_notice: `Đã nhận phản ánh. Thời hạn xử lý ${category.deadlineDays} ngày làm việc kể từ khi được tiếp nhận; phản ánh chỉ hiện công khai khi tỉnh công bố.`,
        account_id: null,
      },
    ];
  }

  return { services, serviceDefinition, requests, request, token, updates, create };
}

export type Open311Service = ReturnType<typeof createOpen311Service>;
