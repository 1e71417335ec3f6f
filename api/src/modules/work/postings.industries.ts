import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../config.ts';

export interface Industry {
  code: string;
  name: string;
  nameEn: string;
}

/** Used only while data/industries.json is absent (it is the companies' list, shared with postings). */
const FALLBACK: Industry[] = [
  { code: 'garment', name: 'Dệt may, da giày', nameEn: 'Garments, textiles and footwear' },
  {
    code: 'food_processing',
    name: 'Chế biến nông sản, thực phẩm',
    nameEn: 'Food and farm-produce processing',
  },
  { code: 'manufacturing', name: 'Sản xuất, chế tạo', nameEn: 'Manufacturing' },
  { code: 'electronics', name: 'Điện, điện tử', nameEn: 'Electrical and electronics' },
  { code: 'construction', name: 'Xây dựng', nameEn: 'Construction' },
  { code: 'energy', name: 'Năng lượng', nameEn: 'Energy' },
  { code: 'logistics', name: 'Vận tải, kho bãi', nameEn: 'Transport and logistics' },
  { code: 'agriculture', name: 'Nông, lâm nghiệp', nameEn: 'Agriculture and forestry' },
  { code: 'seafood', name: 'Thủy sản', nameEn: 'Fisheries and seafood' },
  { code: 'wood', name: 'Chế biến gỗ', nameEn: 'Wood processing' },
  { code: 'retail', name: 'Bán lẻ, thương mại', nameEn: 'Retail and trade' },
  { code: 'hospitality', name: 'Du lịch, nhà hàng, khách sạn', nameEn: 'Tourism and hospitality' },
  { code: 'it', name: 'Công nghệ thông tin', nameEn: 'Information technology' },
  { code: 'healthcare', name: 'Y tế', nameEn: 'Healthcare' },
  { code: 'education', name: 'Giáo dục', nameEn: 'Education' },
  { code: 'other', name: 'Ngành khác', nameEn: 'Other' },
];

/** Industries: data/industries.json when present (array, or {industries: [...]}; name or name.vi), else a built-in list. */
export function loadIndustries(file = path.join(ROOT_DIR, 'data', 'industries.json')): Map<string, Industry> {
  let list = FALLBACK;
  if (fs.existsSync(file)) {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    const arr = (Array.isArray(raw) ? raw : (raw as { industries?: unknown[] }).industries) ?? [];
    list = (arr as Array<Record<string, unknown>>).map((r) => {
      const name = r.name as string | { vi?: string; en?: string } | undefined;
      const vi = typeof name === 'string' ? name : (name?.vi ?? String(r.nameVi ?? r.code));
      const en = typeof name === 'string' ? String(r.nameEn ?? name) : (name?.en ?? String(r.nameEn ?? vi));
      return { code: String(r.code), name: vi, nameEn: en };
    });
  }
  return new Map(list.map((i) => [i.code, i]));
}
