import { createTheme, type Theme } from '@mui/material/styles';
import { enUS as coreEn, viVN as coreVi } from '@mui/material/locale';
import { enUS as gridEn, viVN as gridVi } from '@mui/x-data-grid/locales';
import type {} from '@mui/x-data-grid/themeAugmentation';
import type { Lang } from './i18n/format';

export function buildTheme(lang: Lang): Theme {
  return createTheme(
    {
      palette: {
        mode: 'light',
        primary: { main: '#0b4a8b' },
        secondary: { main: '#b7791f' },
        background: { default: '#f3f5f8' },
      },
      shape: { borderRadius: 8 },
      typography: {
        fontFamily: '"Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif',
        h1: { fontSize: '1.6rem', fontWeight: 600 },
        h2: { fontSize: '1.3rem', fontWeight: 600 },
      },
      components: {
        MuiAppBar: { defaultProps: { elevation: 0 } },
        MuiButton: { styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
        MuiDataGrid: { styleOverrides: { root: { backgroundColor: '#fff' } } },
      },
    },
    lang === 'vi' ? coreVi : coreEn,
    lang === 'vi' ? gridVi : gridEn,
  );
}
