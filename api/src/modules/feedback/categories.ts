import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../config.ts';

export interface Category {
  code: string;
  name: string;
  nameEn: string;
  deadlineDays: number;
  department: string;
  onSite: boolean;
}

export interface Department {
  code: string;
  name: string;
  nameEn: string;
}

/** Categories and departments from data/feedback-categories.json (the province edits that file). */
export function loadCategories(file = path.join(ROOT_DIR, 'data', 'feedback-categories.json')) {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    categories: Category[];
    departments: Department[];
  };
  return {
    categories: raw.categories,
    departments: raw.departments,
    byCode: new Map(raw.categories.map((c) => [c.code, c])),
  };
}
