import { createFilterOptions } from '@mui/material';
import { useMemo } from 'react';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { foldAccents } from '../ekyc/review';
import type { Lang } from '../i18n/format';
import { useApiQuery } from '../useApiQuery';

export type Commune = components['schemas']['Commune'];
export interface Named {
  code: string;
  name: string;
  nameEn: string;
}
export interface Category extends Named {
  onSite: boolean;
  deadlineDays: number;
}

/** Accent-insensitive commune search ("hoa phu" finds "Xã Hòa Phú"). */
export const filterCommunes = createFilterOptions<Commune>({ stringify: (c) => foldAccents(c.name) });

export function nameIn(item: Named | undefined, lang: Lang): string | undefined {
  if (!item) return undefined;
  return lang === 'vi' ? item.name : item.nameEn;
}

/** Categories, departments and communes for filters, labels and dialogs (loaded once per page). */
export function useFeedbackReferences() {
  const categories = useApiQuery('fb-categories', (signal) =>
    unwrap(api.GET('/api/v1/feedback/categories', { signal })),
  );
  const departments = useApiQuery('fb-departments', (signal) =>
    unwrap(api.GET('/api/v1/feedback/departments', { signal })),
  );
  const communes = useApiQuery('communes', (signal) => unwrap(api.GET('/api/v1/communes', { signal })));
  const { data: cats, problem: catsProblem, reload: reloadCats } = categories;
  const { data: depts, problem: deptsProblem, reload: reloadDepts } = departments;
  const { data: units, problem: unitsProblem, reload: reloadUnits } = communes;
  return useMemo(() => {
    const categoryList: Category[] = cats?.items ?? [];
    const departmentList: Named[] = depts?.items ?? [];
    const communeList = [...(units?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return {
      categories: categoryList,
      departments: departmentList,
      communes: communeList,
      category: (code: string | null | undefined) => categoryList.find((c) => c.code === code),
      department: (code: string | null | undefined) => departmentList.find((d) => d.code === code),
      commune: (code: string | null | undefined) => communeList.find((c) => c.code === code),
      problem: catsProblem ?? deptsProblem ?? unitsProblem,
      reload: () => {
        reloadCats();
        reloadDepts();
        reloadUnits();
      },
    };
  }, [cats, depts, units, catsProblem, deptsProblem, unitsProblem, reloadCats, reloadDepts, reloadUnits]);
}
export type FeedbackReferences = ReturnType<typeof useFeedbackReferences>;
