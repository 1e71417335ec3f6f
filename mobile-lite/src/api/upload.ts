import { prepareHeaders } from './client';
import type { paths } from './schema';

/**
 * multipart/form-data uploads (photos) through XMLHttpRequest, which — unlike fetch — reports upload
 * progress: on a slow network a 1 MB photo takes a while, and a moving bar says it is not stuck.
 * Same headers as the API client; the answer has openapi-fetch's shape (`data` / `error` / `response`),
 * so `attempt()` and `authed()` work on it unchanged.
 */
export type UploadPath = '/api/v1/ekyc/cases' | '/api/v1/auth/device-selfie' | '/api/v1/feedback';

type Json<R> = R extends { content: { 'application/json': infer D } } ? D : never;
type Responses<P extends UploadPath> = paths[P]['post']['responses'];
export type UploadData<P extends UploadPath> =
  Responses<P> extends Record<200, infer R>
    ? Json<R>
    : Responses<P> extends Record<201, infer R>
      ? Json<R>
      : never;

export interface Uploaded<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export function upload<P extends UploadPath>(
  path: P,
  form: FormData,
  onProgress?: (fraction: number) => void,
  headers: Record<string, string> = {},
  timeoutMs = 0,
): Promise<Uploaded<UploadData<P>>> {
  return sendForm<UploadData<P>>('POST', path, form, onProgress, headers, timeoutMs);
}

/**
 * The same for a multipart route with a path parameter or another method (PUT /api/v1/work/cvs/{id}/pdf):
 * `url` is the filled-in path and `T` the type of its JSON answer.
 */
export function sendForm<T>(
  method: 'POST' | 'PUT',
  url: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
  headers: Record<string, string> = {},
  timeoutMs = 0,
): Promise<Uploaded<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.timeout = timeoutMs; // 0: none
    // The browser sets multipart's Content-Type with its boundary: never set it here.
    prepareHeaders(new Headers(headers)).forEach((value, name) => xhr.setRequestHeader(name, value));
    if (onProgress)
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(Math.min(1, e.loaded / e.total));
      };
    xhr.onload = () => {
      const status = xhr.status;
      const text = xhr.responseText;
      const nullBody = status === 204 || status === 205 || status === 304;
      const response = new Response(nullBody ? null : text, {
        status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      const body = parse(text);
      resolve(response.ok ? { data: body as T, response } : { error: body ?? {}, response });
    };
    // Like fetch: no answer at all (offline, connection dropped) rejects.
    xhr.onerror = () => reject(new TypeError('Network request failed'));
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    xhr.send(form);
  });
}
