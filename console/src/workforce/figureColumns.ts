// DataGrid columns shared by the workforce tables (zones, a zone's companies): counts and vacancy rates,
// right-aligned, sortable as numbers, formatted in the console's language ('—' for no figure).
import type { GridColDef, GridValidRowModel } from '@mui/x-data-grid';
import { formatNumber, formatShare } from '../components/charts';

type Lang = 'vi' | 'en';

/** A figure column: a count, or with `rate` a share shown as a percentage. */
export function figureColumn<R extends GridValidRowModel>(
  field: keyof R & string,
  headerName: string,
  lang: Lang,
  { minWidth = 90, rate = false }: { minWidth?: number; rate?: boolean } = {},
): GridColDef<R> {
  return {
    field,
    headerName,
    type: 'number',
    flex: 1,
    minWidth,
    valueFormatter: (v: number | null) =>
      (rate ? formatShare(v, lang) : v === null ? null : formatNumber(v, lang)) ?? '—',
  };
}

/** Column titles on two lines rather than cut (the tables have many figure columns). */
export const WRAP_HEADERS = {
  '& .MuiDataGrid-columnHeaderTitle': { whiteSpace: 'normal', lineHeight: 1.2 },
} as const;
