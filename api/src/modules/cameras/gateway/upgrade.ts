import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Bilingual } from '../../../platform/errors.ts';

/** The WebSocket subprotocol that carries the access token: `new WebSocket(url, ['dlid.bearer', token])`. */
export const BEARER_PROTOCOL = 'dlid.bearer';

const LIVE_PATH = /^\/api\/v1\/cameras\/([^/?#]+)\/live\/?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The camera id of a live-stream path (`/api/v1/cameras/{id}/live`), '' for a malformed id, null for any other path. */
export function liveCameraId(rawUrl: string | undefined): string | null {
  const path = (rawUrl ?? '').split('?')[0]!;
  const m = LIVE_PATH.exec(path);
  if (!m) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[1]!);
  } catch {
    return '';
  }
  return UUID.test(id) ? id.toLowerCase() : '';
}

/** The access token: from the `dlid.bearer` subprotocol (browsers), else an Authorization: Bearer header (tools). */
export function upgradeToken(req: IncomingMessage): string | null {
  const header = req.headers['sec-websocket-protocol'];
  if (typeof header === 'string') {
    const parts = header
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (parts.includes(BEARER_PROTOCOL)) {
      const token = parts.find((p) => p !== BEARER_PROTOCOL);
      if (token) return token;
    }
  }
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  return null;
}

export interface Refusal {
  status: number;
  code: string;
  messages: Bilingual;
}

export const REFUSALS = {
  tokenMissing: {
    status: 401,
    code: 'token_missing',
    messages: { vi: 'Bạn cần đăng nhập để xem camera trực tiếp.', en: 'Sign in to watch live cameras.' },
  },
  tokenInvalid: {
    status: 401,
    code: 'token_invalid',
    messages: { vi: 'Mã truy cập không hợp lệ.', en: 'The access token is not valid.' },
  },
  tokenExpired: {
    status: 401,
    code: 'token_expired',
    messages: { vi: 'Phiên đăng nhập đã hết hạn.', en: 'The access token has expired.' },
  },
  sessionEnded: {
    status: 401,
    code: 'session_ended',
    messages: {
      vi: 'Phiên đăng nhập này đã bị đăng xuất. Hãy đăng nhập lại.',
      en: 'This session was signed out. Sign in again.',
    },
  },
  forbidden: {
    status: 403,
    code: 'permission_required',
    messages: {
      vi: 'Bạn không có quyền xem camera trực tiếp.',
      en: 'You do not have permission to watch live cameras.',
    },
  },
  notFound: {
    status: 404,
    code: 'camera_not_found',
    messages: { vi: 'Không tìm thấy camera.', en: 'Camera not found.' },
  },
  disabled: {
    status: 409,
    code: 'camera_disabled',
    messages: { vi: 'Camera đang bị tắt.', en: 'The camera is disabled.' },
  },
  noRoute: {
    status: 404,
    code: 'not_found',
    messages: { vi: 'Không tìm thấy địa chỉ này.', en: 'No such address.' },
  },
  unavailable: {
    status: 503,
    code: 'camera_gateway_unavailable',
    messages: {
      vi: 'Dịch vụ video trực tiếp tạm thời không khả dụng.',
      en: 'The live video service is temporarily unavailable.',
    },
  },
} satisfies Record<string, Refusal>;

const language = (req: IncomingMessage): 'vi' | 'en' => {
  const h = req.headers['accept-language'];
  return typeof h === 'string' && h.split(',')[0]!.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
};

/** Answers an upgrade request with an HTTP problem+json response (no upgrade) and destroys the socket. */
export function refuseUpgrade(req: IncomingMessage, socket: Duplex, r: Refusal, requestId?: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const lang = language(req);
  const body = JSON.stringify({
    type: `https://daklak.id/problems/${r.code.replace(/_/g, '-')}`,
    title: STATUS_CODES[r.status] ?? 'Error',
    status: r.status,
    code: r.code,
    detail: r.messages[lang],
    messages: r.messages,
    instance: (req.url ?? '').split('?')[0],
    ...(requestId ? { requestId } : {}),
  });
  const headers = [
    `HTTP/1.1 ${r.status} ${STATUS_CODES[r.status] ?? 'Error'}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    ...(r.status === 401 ? ['WWW-Authenticate: Bearer'] : []),
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}
