import type { Request, Response, NextFunction } from 'express';
import { AppError } from '../../platform/errors.ts';
import type { JobSearch } from './search.service.ts';

const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** JSON inside <script>: no "</script>", "<!--" or line separators can end or confuse the block. */
const scriptJson = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const vnd = (n: number) => `${n.toLocaleString('vi-VN')} ₫`;

function page(title: string, description: string, body: string, ld?: unknown) {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<meta name="description" content="${html(description)}">
${ld ? `<script type="application/ld+json">${scriptJson(ld)}</script>\n` : ''}</head>
<body>
${body}
</body>
</html>
`;
}

/** GET /jobs/{id}: a minimal server-rendered page of a published job, with its JSON-LD, for search engines and links. */
export function jobPage(search: JobSearch) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const id = String(req.params.id ?? '');
    res.type('html').setHeader('cache-control', 'public, max-age=300');
    const missing = () =>
      res
        .status(404)
        .send(
          page(
            'Không tìm thấy việc làm — Đắk Lắk ID',
            'Tin tuyển dụng không tồn tại hoặc đã hết hạn.',
            '<h1>Không tìm thấy việc làm</h1><p>Tin tuyển dụng không tồn tại, đã đóng hoặc đã hết hạn.</p><p><a href="/#/jobs">Tìm việc khác</a></p>',
          ),
        );
    if (!UUID.test(id)) return missing();
    try {
      const j = await search.get(id);
      const salary =
        j.salaryMin !== null && j.salaryMax !== null && !j.salaryNegotiable
          ? `${vnd(j.salaryMin)} – ${vnd(j.salaryMax)} / tháng`
          : 'Thỏa thuận';
      const place = [j.zoneName, j.communeName, 'Đắk Lắk'].filter(Boolean).join(', ');
      const description = `${j.company.name} tuyển ${j.openings} ${j.title} tại ${place}. Lương: ${salary}.`;
      const body = [
        `<h1>${html(j.title)}</h1>`,
        `<p>${html(j.company.name)} · ${html(place)}</p>`,
        `<p>Lương: ${html(salary)}${j.deadline ? ` · Hạn nộp: ${html(j.deadline)}` : ''}</p>`,
        `<p>${html(j.description).replace(/\n/g, '<br>')}</p>`,
        j.requirements ? `<h2>Yêu cầu</h2><p>${html(j.requirements).replace(/\n/g, '<br>')}</p>` : '',
        `<p><a href="/#/jobs/${html(j.id)}">Mở trong ứng dụng Đắk Lắk ID để ứng tuyển</a></p>`,
      ]
        .filter(Boolean)
        .join('\n');
      res.status(200).send(page(`${j.title} — ${j.company.name}`, description, body, j.jsonLd));
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return missing();
      next(err);
    }
  };
}
