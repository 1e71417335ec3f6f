import type { RequestHandler } from 'express';
import multer from 'multer';
import { TooLarge, ValidationError } from './errors.ts';
import type { RouteSpec } from './route.ts';

/** multipart/form-data in memory with limits enforced while streaming; multer's errors become clear 4xx. */
export function multipartParser(spec: NonNullable<RouteSpec['multipart']>): RequestHandler {
  const allowed = new Map(spec.files.map((f) => [f.name, f.maxCount ?? 1]));
  const totalFiles = spec.files.reduce((n, f) => n + (f.maxCount ?? 1), 0);
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: spec.maxBytes, files: totalFiles, fields: 30, fieldSize: 8192, parts: 40 },
  }).any();
  const noun = spec.kind === 'file' ? { vi: 'tệp', en: 'file' } : { vi: 'ảnh', en: 'image' };
  return (req, res, next) => {
    if (!req.is('multipart/form-data'))
      return next(
        new ValidationError('multipart_expected', {
          vi: 'Hãy gửi dữ liệu dạng multipart/form-data (kèm tệp ảnh).',
          en: 'Send this as multipart/form-data (with the image files).',
        }),
      );
    upload(req, res, (err?: unknown) => {
      if (!err) {
        const files = (req.files as Express.Multer.File[] | undefined) ?? [];
        const unknown = files.find((f) => !allowed.has(f.fieldname));
        if (unknown)
          return next(
            fileError(
              unknown.fieldname,
              'unknown_file_field',
              `Trường tệp "${unknown.fieldname}" không được hỗ trợ.`,
              `Unknown file field "${unknown.fieldname}".`,
            ),
          );
        const seen = new Map<string, number>();
        for (const f of files) {
          const n = (seen.get(f.fieldname) ?? 0) + 1;
          const max = allowed.get(f.fieldname) ?? 1;
          if (n > max)
            return next(
              max === 1
                ? fileError(
                    f.fieldname,
                    'duplicate_file',
                    'Mỗi trường chỉ nhận một tệp.',
                    'One file per field.',
                  )
                : fileError(f.fieldname, 'too_many_files', `Tối đa ${max} tệp.`, `At most ${max} files.`),
            );
          seen.set(f.fieldname, n);
        }
        const missing = spec.files.filter((f) => f.required && !seen.has(f.name));
        if (missing.length)
          return next(
            new ValidationError(
              'file_required',
              {
                vi: `Thiếu ${noun.vi}: ${missing.map((m) => m.name).join(', ')}.`,
                en: `Missing ${noun.en}: ${missing.map((m) => m.name).join(', ')}.`,
              },
              {
                fields: missing.map((m) => ({
                  path: `files.${m.name}`,
                  code: 'required',
                  message: `Cần tải lên ${noun.vi} này.`,
                  messages: { vi: `Cần tải lên ${noun.vi} này.`, en: `This ${noun.en} is required.` },
                })),
              },
            ),
          );
        return next();
      }
      const e = err as { code?: string; field?: string };
      if (e.code === 'LIMIT_FILE_SIZE') {
        const mb = Math.round(spec.maxBytes / 1048576);
        const messages = {
          vi: `${noun.vi === 'ảnh' ? 'Ảnh' : 'Tệp'} "${e.field}" vượt quá ${mb} MB.`,
          en: `The ${noun.en} "${e.field}" is larger than ${mb} MB.`,
        };
        return next(
          new TooLarge('file_too_large', messages, {
            fields: [
              { path: `files.${e.field ?? ''}`, code: 'file_too_large', message: messages.vi, messages },
            ],
          }),
        );
      }
      if (e.code === 'LIMIT_FILE_COUNT' || e.code === 'LIMIT_UNEXPECTED_FILE')
        return next(new ValidationError('too_many_files', { vi: 'Quá nhiều tệp.', en: 'Too many files.' }));
      if (e.code?.startsWith('LIMIT_'))
        return next(
          new ValidationError('form_limits', {
            vi: 'Biểu mẫu vượt quá giới hạn.',
            en: 'The form exceeds its limits.',
          }),
        );
      next(
        new ValidationError('multipart_malformed', {
          vi: 'Dữ liệu tải lên bị hỏng.',
          en: 'The upload is malformed.',
        }),
      );
    });
  };
}

function fileError(fieldName: string, code: string, vi: string, en: string) {
  return new ValidationError(
    code,
    { vi, en },
    { fields: [{ path: `files.${fieldName}`, code, message: vi, messages: { vi, en } }] },
  );
}
