import { Button, Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** Above a grid with checkboxes: how many rows are selected, a way to clear them, and the bulk action. */
export function SelectionBar({
  label,
  clearLabel,
  onClear,
  actionLabel,
  actionIcon,
  onAction,
  testId,
  actionTestId,
}: {
  label: string;
  clearLabel: string;
  onClear: () => void;
  actionLabel: string;
  actionIcon: ReactNode;
  onAction: () => void;
  testId: string;
  actionTestId: string;
}) {
  return (
    <Paper
      variant="outlined"
      sx={{ px: 1.5, py: 0.75, display: 'flex', alignItems: 'center', gap: 1, bgcolor: 'action.hover' }}
      data-testid={testId}
    >
      <Typography variant="body2" sx={{ flex: 1 }}>
        {label}
      </Typography>
      <Button size="small" onClick={onClear}>
        {clearLabel}
      </Button>
      <Button
        size="small"
        variant="contained"
        startIcon={actionIcon}
        onClick={onAction}
        data-testid={actionTestId}
      >
        {actionLabel}
      </Button>
    </Paper>
  );
}
