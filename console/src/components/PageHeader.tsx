import { Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A page's title and one-line description, with its main action (e.g. an export) on the right. */
export function PageHeader({
  title,
  subtitle,
  action,
}: {
  title: string;
  subtitle: string;
  action?: ReactNode;
}) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ alignItems: { sm: 'flex-start' }, gap: 2 }}>
      <Box sx={{ flex: 1 }}>
        <Typography variant="h1" component="h1">
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {subtitle}
        </Typography>
      </Box>
      {action}
    </Stack>
  );
}
