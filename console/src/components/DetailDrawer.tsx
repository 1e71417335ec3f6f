import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import { Button, Drawer, IconButton, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';

/** Width of the drawer's paper per breakpoint, e.g. `{ xs: '100%', md: 640 }`. */
type Width = Partial<Record<'xs' | 'sm' | 'md' | 'lg', number | string>>;

/**
 * The detail of a queue row (a case, a report, a listing, an account) on the right, under a coloured title bar
 * with a close button; Esc and a click outside close it too. `children` is drawn only while it is open.
 */
export function DetailDrawer(props: {
  open: boolean;
  title: string;
  width: Width;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Drawer
      anchor="right"
      open={props.open}
      onClose={props.onClose}
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{
        paper: {
          sx: { width: props.width, display: 'flex', flexDirection: 'column' },
          'aria-label': props.title,
        },
      }}
    >
      <Stack
        direction="row"
        sx={{ alignItems: 'center', px: 2, py: 1.5, bgcolor: 'primary.main', color: '#fff', flexShrink: 0 }}
      >
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {props.title}
        </Typography>
        <IconButton onClick={props.onClose} aria-label={t('common.close')} sx={{ color: 'inherit' }}>
          <CloseIcon />
        </IconButton>
      </Stack>
      {props.open ? props.children : null}
    </Drawer>
  );
}

/**
 * The bar at the foot of a drawer: the keyboard shortcuts on the left, then `children` (e.g. "next"), then
 * reject / approve while a decision is pending, or close once it is made.
 */
export function DecisionBar(props: {
  shortcuts: string;
  pending: boolean;
  labels: { approve: string; reject: string };
  testIds: { bar?: string; hint?: string; approve: string; reject: string };
  onApprove: () => void;
  onReject: () => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Paper
      square
      elevation={6}
      sx={{ px: 2.5, py: 1.5, flexShrink: 0, borderTop: 1, borderColor: 'divider' }}
      data-testid={props.testIds.bar}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flex: 1, color: 'text.secondary' }}>
          <KeyboardIcon fontSize="small" />
          <Typography variant="caption" data-testid={props.testIds.hint}>
            {props.shortcuts}
          </Typography>
        </Stack>
        {props.children}
        {props.pending ? (
          <>
            <Button
              variant="outlined"
              color="error"
              startIcon={<CloseIcon />}
              onClick={props.onReject}
              data-testid={props.testIds.reject}
            >
              {props.labels.reject}
            </Button>
            <Button
              variant="contained"
              color="success"
              startIcon={<CheckIcon />}
              onClick={props.onApprove}
              data-testid={props.testIds.approve}
            >
              {props.labels.approve}
            </Button>
          </>
        ) : (
          <Button variant="outlined" onClick={props.onClose}>
            {t('common.close')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
