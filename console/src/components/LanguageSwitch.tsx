import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useI18n } from '../i18n/context';
import { isLang } from '../i18n/format';

export function LanguageSwitch({ inverted = false }: { inverted?: boolean }) {
  const { lang, setLang, t } = useI18n();
  const color = inverted ? 'rgba(255,255,255,0.85)' : undefined;
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={lang}
      aria-label={t('lang.label')}
      onChange={(_e, value: unknown) => {
        if (isLang(value)) setLang(value);
      }}
      sx={
        inverted
          ? {
              '& .MuiToggleButton-root': { color, borderColor: 'rgba(255,255,255,0.4)', px: 1.25, py: 0.25 },
              '& .MuiToggleButton-root:hover': { backgroundColor: 'rgba(255,255,255,0.1)' },
              '& .MuiToggleButton-root.Mui-selected, & .MuiToggleButton-root.Mui-selected:hover': {
                color: '#fff',
                backgroundColor: 'rgba(255,255,255,0.25)',
              },
            }
          : undefined
      }
    >
      <ToggleButton value="vi" lang="vi" aria-label={t('lang.vi')} data-testid="lang-vi">
        VI
      </ToggleButton>
      <ToggleButton value="en" lang="en" aria-label={t('lang.en')} data-testid="lang-en">
        EN
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
