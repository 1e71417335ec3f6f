import { QueryTypes, type Sequelize } from 'sequelize';
import type { Config } from '../../config.ts';
import { NotFound, ValidationError, type FieldError } from '../../platform/errors.ts';
import { normaliseImage, thumbnail } from '../../platform/images.ts';
import { createProvinceShape } from '../reference/province.ts';
import type { ReferenceService } from '../reference/reference.service.ts';
import { loadCategories } from './categories.ts';
import { loadHolidays } from './working-days.ts';
import { photoPosition } from './staff-photos.ts';

export interface Submission {
  category: string;
  title: string;
  description: string;
  lat?: number | undefined;
  lng?: number | undefined;
  communeCode?: string | undefined;
  address?: string | undefined;
}

export interface SubmitOptions {
  /** The client's Idempotency-Key: the same key from the same account gives back the same report. */
  clientKey?: string | undefined;
  /** Keep each photo's GPS position (EXIF); otherwise nothing of it is kept anywhere. */
  keepPhotoLocation?: boolean | undefined;
}

const field = (path: string, code: string, vi: string, en: string): FieldError => ({
  path,
  code,
  message: vi,
  messages: { vi, en },
});
const NOT_FOUND = { vi: 'Không tìm thấy phản ánh.', en: 'No such report.' };

interface Row {
  id: string;
  user_id: string;
  category: string;
  title: string;
  description: string;
  lat: number | null;
  lng: number | null;
  commune_code: string | null;
  commune_name: string | null;
  address: string | null;
  status: string;
  department: string | null;
  due_at: Date | null;
  created_at: Date;
  photos: string;
  answer: string | null;
  rejection_reason: string | null;
  duplicate_of: string | null;
  rating: number | null;
}

/** Citizen feedback (phản ánh): submission with photos and a place, "my reports", one report with its timeline. */
export function createFeedbackService(deps: {
  sequelize: Sequelize;
  config: Config;
  reference: ReferenceService;
}) {
  const { sequelize } = deps;
  const { categories, departments, byCode } = loadCategories();
  const deptNames = new Map(departments.map((d) => [d.code, { vi: d.name, en: d.nameEn }]));
  const holidays = loadHolidays();
  let shape: ReturnType<typeof createProvinceShape> | undefined;
  const province = async () => {
    if (!shape) {
      const all = await sequelize.query<{ bbox: number[] }>('SELECT bbox FROM communes', {
        type: QueryTypes.SELECT,
      });
      shape = createProvinceShape({
        boundaryFile: deps.config.PROVINCE_BOUNDARY_FILE,
        bboxes: all.map((c) => c.bbox),
      });
    }
    return shape;
  };
  void holidays; // deadlines start at acceptance (the triage step)

  function listCategories() {
    return {
      items: categories.map(({ code, name, nameEn, deadlineDays, onSite }) => ({
        code,
        name,
        nameEn,
        deadlineDays,
        onSite,
      })),
    };
  }

  const SELECT = `SELECT r.*, c.name AS commune_name, (SELECT count(*) FROM feedback_photos p WHERE p.report_id = r.id) AS photos
                  FROM feedback_reports r LEFT JOIN communes c ON c.code = r.commune_code`;

  const summary = (r: Row) => ({
    id: r.id,
    category: r.category,
    title: r.title,
    lat: r.lat,
    lng: r.lng,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    address: r.address,
    status: r.status as 'submitted',
    department: r.department,
    dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
    photos: Number(r.photos),
    createdAt: new Date(r.created_at).toISOString(),
  });

  async function submit(userId: string, input: Submission, photos: Buffer[], opts: SubmitOptions = {}) {
    if (
      opts.clientKey !== undefined &&
      !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(opts.clientKey)
    ) {
      const f = field(
        'headers.idempotency-key',
        'idempotency_key_invalid',
        'Khóa chống gửi trùng (Idempotency-Key) phải là một UUID.',
        'The Idempotency-Key header must be a UUID.',
      );
      throw new ValidationError(f.code, f.messages, { fields: [f] });
    }
    if (opts.clientKey) {
      const same = await byClientKey(userId, opts.clientKey);
      if (same) return { ...(await get(userId, same)), replayed: true };
    }
    // Read only with consent, from the original bytes (normalising drops EXIF).
    const positions = await Promise.all(
      photos.map((bytes) => (opts.keepPhotoLocation ? photoPosition(bytes) : null)),
    );
    if (input.lat === undefined && input.lng === undefined) {
      const first = positions.find((p) => p !== null);
      if (first && (await province()).contains(first.lat, first.lng)) input = { ...input, ...first };
    }
    const fields: FieldError[] = [];
    if (!byCode.has(input.category))
      fields.push(
        field('body.category', 'unknown_category', 'Lĩnh vực phản ánh không hợp lệ.', 'Unknown category.'),
      );
    const hasPoint = input.lat !== undefined || input.lng !== undefined;
    if (hasPoint && (input.lat === undefined || input.lng === undefined))
      fields.push(
        field(
          'body.lat',
          'location_incomplete',
          'Cần cả vĩ độ và kinh độ.',
          'Give both latitude and longitude.',
        ),
      );
    else if (hasPoint && !(await province()).contains(input.lat as number, input.lng as number))
      fields.push(
        field(
          'body.lat',
          'outside_province',
          'Vị trí nằm ngoài tỉnh Đắk Lắk.',
          'The location is outside Đắk Lắk province.',
        ),
      );
    if (!hasPoint && !input.communeCode)
      fields.push(
        field(
          'body.communeCode',
          'location_required',
          'Hãy chọn vị trí trên bản đồ hoặc chọn xã/phường và nhập địa chỉ.',
          'Pick a point on the map, or a commune and an address.',
        ),
      );
    let communeCode = input.communeCode ?? null;
    if (communeCode && !(await deps.reference.commune(communeCode).catch(() => null)))
      fields.push(
        field(
          'body.communeCode',
          'unknown_commune',
          'Không có xã/phường với mã này.',
          'No commune with this code.',
        ),
      );
    if (input.communeCode && !hasPoint && !input.address)
      fields.push(field('body.address', 'required', 'Hãy nhập địa chỉ cụ thể.', 'Give the street address.'));
    if (fields.length)
      throw new ValidationError(
        fields[0]?.code ?? 'validation_failed',
        { vi: fields.map((f) => f.messages.vi).join(' '), en: fields.map((f) => f.messages.en).join(' ') },
        { fields },
      );

    // Photos: recognised by their bytes, turned upright, re-encoded (no EXIF, so no hidden location), thumbnailed.
    const images = await Promise.all(
      photos.map(async (bytes, i) => {
        const img = await normaliseImage(`photos[${i}]`, bytes);
        return { ...img, thumb: await thumbnail(img.jpeg) };
      }),
    );
    if (!communeCode && hasPoint) {
      const [near] = await sequelize.query<{ code: string }>(
        `SELECT code FROM communes WHERE :lng BETWEEN bbox[1] AND bbox[3] AND :lat BETWEEN bbox[2] AND bbox[4]
         ORDER BY (lat - :lat) ^ 2 + (lng - :lng) ^ 2 LIMIT 1`,
        { replacements: { lat: input.lat, lng: input.lng }, type: QueryTypes.SELECT },
      );
      communeCode = near?.code ?? null;
    }
    const id = await sequelize.transaction(async (t) => {
      const [row] = await sequelize.query<{ id: string }>(
        `INSERT INTO feedback_reports (user_id, category, title, description, lat, lng, commune_code, address, client_key)
         VALUES (:userId, :category, :title, :description, :lat, :lng, :communeCode, :address, :clientKey)
         ON CONFLICT (user_id, client_key) DO NOTHING RETURNING id`,
        {
          replacements: {
            clientKey: opts.clientKey ?? null,
            userId,
            category: input.category,
            title: input.title,
            description: input.description,
            lat: input.lat ?? null,
            lng: input.lng ?? null,
            communeCode,
            address: input.address ?? null,
          },
          type: QueryTypes.SELECT,
          transaction: t,
        },
      );
      if (!row) return null; // the same key won a concurrent request: answer with its report
      const reportId = row.id;
      for (const [i, img] of images.entries())
        await sequelize.query(
          'INSERT INTO feedback_photos (report_id, idx, image, thumb, width, height, lat, lng) VALUES (:reportId, :idx, :image, :thumb, :w, :h, :lat, :lng)',
          {
            replacements: {
              lat: positions[i]?.lat ?? null,
              lng: positions[i]?.lng ?? null,
              reportId,
              idx: i + 1,
              image: img.jpeg,
              thumb: img.thumb,
              w: img.width,
              h: img.height,
            },
            transaction: t,
          },
        );
      await sequelize.query(
        `INSERT INTO feedback_events (report_id, status, actor_id) VALUES (:reportId, 'submitted', :userId)`,
        {
          replacements: { reportId, userId },
          transaction: t,
        },
      );
      return reportId;
    });
    if (!id)
      return {
        ...(await get(userId, (await byClientKey(userId, opts.clientKey as string)) as string)),
        replayed: true,
      };
    return { ...(await get(userId, id)), replayed: false };
  }

  async function byClientKey(userId: string, clientKey: string): Promise<string | null> {
    const [r] = await sequelize.query<{ id: string }>(
      'SELECT id FROM feedback_reports WHERE user_id = :userId AND client_key = :clientKey',
      { replacements: { userId, clientKey }, type: QueryTypes.SELECT },
    );
    return r?.id ?? null;
  }

  /** Each account sees only its own reports: someone else's id answers 404 exactly like a missing one. */
  async function get(userId: string, id: string) {
    const [r] = await sequelize.query<Row>(`${SELECT} WHERE r.id = :id AND r.user_id = :userId`, {
      replacements: { id, userId },
      type: QueryTypes.SELECT,
    });
    if (!r) throw new NotFound('feedback_not_found', NOT_FOUND);
    const events = await sequelize.query<{
      at: Date;
      status: string;
      department: string | null;
      public_note: string | null;
    }>(
      'SELECT at, status, department, public_note FROM feedback_events WHERE report_id = :id AND NOT internal ORDER BY id',
      { replacements: { id }, type: QueryTypes.SELECT },
    );
    const kinds = await sequelize.query<{ kind: 'report' | 'result' }>(
      'SELECT kind FROM feedback_photos WHERE report_id = :id ORDER BY idx',
      { replacements: { id }, type: QueryTypes.SELECT },
    );
    return {
      ...summary(r),
      photoKinds: kinds.map((k) => k.kind),
      description: r.description,
      answer: r.answer,
      rejectionReason: r.rejection_reason,
      duplicateOf: r.duplicate_of,
      rating: r.rating,
      timeline: events.map((e) => ({
        at: new Date(e.at).toISOString(),
        status: e.status as 'submitted',
        department: e.department,
        departmentName: e.department ? (deptNames.get(e.department) ?? null) : null,
        note: e.public_note,
      })),
    };
  }

  async function mine(userId: string, q: { cursor?: string; limit: number }) {
    let after: { at: string; id: string } | null = null;
    if (q.cursor) {
      const [at, id] = Buffer.from(q.cursor, 'base64url').toString().split('|');
      if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id))
        throw new ValidationError('cursor_invalid', {
          vi: 'Con trỏ trang không hợp lệ.',
          en: 'Invalid page cursor.',
        });
      after = { at, id };
    }
    const rows = await sequelize.query<Row>(
      `${SELECT} WHERE r.user_id = :userId ${after ? 'AND (r.created_at, r.id) < (:at, :id)' : ''}
       ORDER BY r.created_at DESC, r.id DESC LIMIT :limit`,
      { replacements: { userId, limit: q.limit + 1, ...(after ?? {}) }, type: QueryTypes.SELECT },
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(summary),
      nextCursor:
        rows.length > q.limit && last
          ? Buffer.from(`${new Date(last.created_at).toISOString()}|${last.id}`).toString('base64url')
          : null,
    };
  }

  async function photo(userId: string, id: string, n: number, size: 'full' | 'thumb') {
    const [p] = await sequelize.query<{ image: Buffer; thumb: Buffer }>(
      `SELECT p.image, p.thumb FROM feedback_photos p JOIN feedback_reports r ON r.id = p.report_id
       WHERE p.report_id = :id AND p.idx = :n AND r.user_id = :userId`,
      { replacements: { id, n, userId }, type: QueryTypes.SELECT },
    );
    if (!p) throw new NotFound('photo_not_found', { vi: 'Không tìm thấy ảnh.', en: 'No such photo.' });
    return size === 'thumb' ? p.thumb : p.image;
  }

  return { listCategories, submit, get, mine, photo };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
