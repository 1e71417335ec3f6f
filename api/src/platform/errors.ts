/** Typed errors rendered as RFC 9457 problem+json; every message in Vietnamese and English. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface FieldError {
  path: string;
  code: string;
  message: string;
  messages: Bilingual;
}

export interface ProblemOptions {
  fields?: FieldError[];
  headers?: Record<string, string>;
  extra?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly fields: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly extra: Record<string, unknown>;
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual,
    options: ProblemOptions = {},
  ) {
    super(messages.en);
    this.fields = options.fields;
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
}

type Msg = Bilingual | undefined;
const or = (m: Msg, vi: string, en: string): Bilingual => m ?? { vi, en };

export class ValidationError extends AppError {
  constructor(code = 'validation_failed', messages?: Msg, options?: ProblemOptions) {
    super(400, code, or(messages, 'Dữ liệu gửi lên không hợp lệ.', 'The request is not valid.'), options);
  }
}
export class Unauthenticated extends AppError {
  constructor(code = 'unauthenticated', messages?: Msg, options?: ProblemOptions) {
    super(401, code, or(messages, 'Bạn cần đăng nhập.', 'You need to sign in.'), options);
  }
}
export class Forbidden extends AppError {
  constructor(code = 'forbidden', messages?: Msg, options?: ProblemOptions) {
    super(
      403,
      code,
      or(messages, 'Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.'),
      options,
    );
  }
}
export class NotFound extends AppError {
  constructor(code = 'not_found', messages?: Msg, options?: ProblemOptions) {
    super(404, code, or(messages, 'Không tìm thấy.', 'Not found.'), options);
  }
}
export class MethodNotAllowed extends AppError {
  constructor(allow: string[]) {
    super(
      405,
      'method_not_allowed',
      {
        vi: 'Phương thức không được hỗ trợ cho địa chỉ này.',
        en: 'This method is not allowed on this resource.',
      },
      { headers: { Allow: allow.join(', ') } },
    );
  }
}
export class Conflict extends AppError {
  constructor(code = 'conflict', messages?: Msg, options?: ProblemOptions) {
    super(
      409,
      code,
      or(messages, 'Xung đột với dữ liệu hiện có.', 'This conflicts with existing data.'),
      options,
    );
  }
}
export class TooLarge extends AppError {
  constructor(code = 'too_large', messages?: Msg, options?: ProblemOptions) {
    super(413, code, or(messages, 'Dữ liệu gửi lên quá lớn.', 'The request is too large.'), options);
  }
}
export class UnsupportedMediaType extends AppError {
  constructor(code = 'unsupported_media_type', messages?: Msg) {
    super(
      415,
      code,
      or(messages, 'Định dạng dữ liệu không được hỗ trợ.', 'This content type is not supported.'),
    );
  }
}
export class RateLimited extends AppError {
  constructor(retryAfterSeconds: number, code = 'rate_limited', messages?: Msg) {
    super(
      429,
      code,
      or(
        messages,
        `Bạn thao tác quá nhanh. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
        `Too many requests. Try again in ${retryAfterSeconds} seconds.`,
      ),
      {
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
        extra: { retryAfter: retryAfterSeconds },
      },
    );
  }
}
export class ServiceUnavailable extends AppError {
  constructor(code = 'unavailable', messages?: Msg) {
    super(
      503,
      code,
      or(messages, 'Dịch vụ tạm thời không sẵn sàng.', 'The service is temporarily unavailable.'),
    );
  }
}
