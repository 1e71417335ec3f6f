import ConstructionIcon from '@mui/icons-material/Construction';
import LockIcon from '@mui/icons-material/Lock';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Box, Button, Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/vi';

function Panel({
  icon,
  title,
  body,
  children,
}: {
  icon: ReactNode;
  title: string;
  body: string;
  children?: ReactNode;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 4, maxWidth: 640, mx: 'auto', mt: 6, textAlign: 'center' }}>
      <Box sx={{ color: 'text.secondary', mb: 1, '& svg': { fontSize: 48 } }}>{icon}</Box>
      <Typography variant="h1" component="h1" gutterBottom>
        {title}
      </Typography>
      <Typography color="text.secondary">{body}</Typography>
      {children}
    </Paper>
  );
}

/** For pages that are not built yet: says so plainly and shows no data. */
export function NotAvailablePanel({ page }: { page: MessageKey }) {
  const { t } = useI18n();
  return (
    <Box data-testid="not-available">
      <Panel
        icon={<ConstructionIcon />}
        title={t('notAvailable.title')}
        body={t('notAvailable.body', { page: t(page) })}
      />
    </Box>
  );
}

export function NotFoundPanel() {
  const { t } = useI18n();
  return (
    <Panel icon={<SearchOffIcon />} title={t('notFound.title')} body={t('notFound.body')}>
      <Button component={RouterLink} to="/" sx={{ mt: 2 }} variant="outlined">
        {t('notFound.home')}
      </Button>
    </Panel>
  );
}

export function ForbiddenPanel({ body }: { body?: string }) {
  const { t } = useI18n();
  return <Panel icon={<LockIcon />} title={t('forbidden.title')} body={body ?? t('forbidden.body')} />;
}
