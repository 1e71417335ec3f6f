import { z } from '../../platform/zod.ts';

/** W3C date-time; an unencoded "+07:00" in a query string arrives as " 07:00", so it is put back. */
const w3Date = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const d = new Date(s.trim().replace(/ (\d{2}:?\d{2})$/, '+$1'));
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({
        code: 'custom',
        params: {
          code: 'invalid_date',
          vi: 'Ngày giờ không hợp lệ (định dạng ISO 8601, ví dụ 2026-11-01T00:00:00+07:00).',
          en: 'Invalid date-time (ISO 8601, e.g. 2026-11-01T00:00:00+07:00).',
        },
      });
      return z.NEVER;
    }
    return d;
  });

/** Comma-separated list (also accepts the parameter repeated). */
const list = <T extends z.ZodType<unknown, string>>(item: T, max = 100) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v.join(',') : v)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max));

export const RequestsQuery = z.object({
  jurisdiction_id: z.string().optional(),
  service_request_id: list(z.string().uuid()).optional(),
  service_code: list(z.string().max(40)).optional(),
  start_date: w3Date.optional(),
  end_date: w3Date.optional(),
  status: list(z.enum(['open', 'closed']), 2).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  radius: z.coerce.number().positive().max(100_000).default(1000),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  page_size: z.coerce.number().int().min(1).max(1000).optional(),
});
export type RequestsQuery = z.output<typeof RequestsQuery>;

export const UpdatesQuery = z.object({
  jurisdiction_id: z.string().optional(),
  service_request_id: list(z.string().uuid()).optional(),
  start_date: w3Date.optional(),
  end_date: w3Date.optional(),
});
export type UpdatesQuery = z.output<typeof UpdatesQuery>;

const opt = (max: number) => z.string().trim().max(max).optional();
export const NewRequest = z.object({
  jurisdiction_id: z.string().optional(),
  service_code: z.string().trim().min(1).max(40),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: z.string().trim().min(3).max(300).optional(),
  address_id: opt(100),
  description: z.string().trim().min(10).max(4000),
  email: opt(200),
  first_name: opt(100),
  last_name: opt(100),
  phone: opt(30),
  device_id: opt(200),
  account_id: opt(200),
  media_url: z.string().trim().url().max(2000).optional(),
});
export type NewRequest = z.output<typeof NewRequest>;

/** Search words per service (category), for clients that match a citizen's words to a service. */
export const KEYWORDS: Record<string, string[]> = {
  public_admin: ['thủ tục', 'hồ sơ', 'một cửa', 'cán bộ', 'giấy tờ'],
  environment: ['rác', 'ô nhiễm', 'nước thải', 'khói', 'mùi hôi', 'cây xanh'],
  traffic: ['ổ gà', 'đường hư', 'đèn giao thông', 'biển báo', 'ùn tắc', 'cầu'],
  urban_order: ['lấn chiếm', 'vỉa hè', 'xây dựng trái phép', 'quảng cáo', 'đèn đường'],
  health: ['bệnh viện', 'trạm y tế', 'dịch bệnh', 'thực phẩm', 'thuốc'],
  education: ['trường học', 'học phí', 'giáo viên', 'học sinh'],
  security: ['an ninh', 'trộm', 'gây rối', 'đánh nhau', 'tiếng ồn'],
  other: ['khác'],
};
