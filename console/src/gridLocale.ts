import type { GridLocaleText } from '@mui/x-data-grid';
import { enUS, viVN } from '@mui/x-data-grid/locales';
import { useMemo } from 'react';
import { useI18n } from './i18n/context';

/** A row count for the pager; a capped count (the server stopped counting) reads "10.000+". */
export function formatRowCount(count: number, capped: boolean, lang: 'vi' | 'en'): string {
  return count.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') + (capped ? '+' : '');
}

/**
 * DataGrid texts: the library's vi/en locale (a localeText prop would otherwise replace the
 * theme's), completed from our catalogue where the library's Vietnamese is missing.
 */
export function useGridLocaleText(noRows: string, capped = false): Partial<GridLocaleText> {
  const { lang, t } = useI18n();
  return useMemo(() => {
    const base = (lang === 'vi' ? viVN : enUS).components.MuiDataGrid.defaultProps.localeText;
    return {
      ...base,
      noRowsLabel: noRows,
      noResultsOverlayLabel: noRows,
      paginationRowsPerPage: t('grid.rowsPerPage'),
      paginationDisplayedRows: ({ from, to, count }) =>
        t('grid.displayedRows', {
          from,
          to,
          count: formatRowCount(count, capped, lang),
        }),
    };
  }, [lang, t, noRows, capped]);
}
