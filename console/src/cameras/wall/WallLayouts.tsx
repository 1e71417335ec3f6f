import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { asProblem, type Problem } from '../../api/problem';
import { describeProblem } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { useNotify } from '../../notify';
import { createLayout, deleteLayout, updateLayout, type WallLayout } from '../queries';
import type { LayoutBody } from './layout';

type Dialogs = { kind: 'saveAs' | 'rename'; name: string } | { kind: 'delete' } | null;

interface Props {
  layouts: readonly WallLayout[];
  current: WallLayout | null;
  /** The body to save for a name (the wall as it is now). */
  body: (name: string) => LayoutBody;
  onOpen: (layout: WallLayout | null) => void;
  /** After a save, rename or delete: reload the list; `open` is the layout to show. */
  onChanged: (open: WallLayout | null) => void;
}

/** The operator's named layouts: open one, save, save as, rename, delete. */
export function WallLayouts({ layouts, current, body, onOpen, onChanged }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const notify = useNotify();
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<WallLayout | null>, done: (l: WallLayout | null) => string) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await work();
      setDialog(null);
      notify(done(result));
      onChanged(result);
    } catch (err) {
      const p = asProblem(err);
      if (dialog) setProblem(p);
      else notify(describeProblem(p, i18n), 'error');
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    if (!current) return setDialog({ kind: 'saveAs', name: '' });
    void run(
      () => updateLayout(current.id, body(current.name)),
      (l) => t('cameras.layout.saved', { name: l?.name ?? '' }),
    );
  };
  const confirm = () => {
    if (!dialog) return;
    if (dialog.kind === 'delete' && current)
      void run(
        () => deleteLayout(current.id).then(() => null),
        () => t('cameras.layout.deleted', { name: current.name }),
      );
    else if (dialog.kind === 'saveAs')
      void run(
        () => createLayout(body(dialog.name)),
        (l) => t('cameras.layout.saved', { name: l?.name ?? '' }),
      );
    else if (dialog.kind === 'rename' && current)
      void run(
        () =>
          updateLayout(current.id, {
            name: dialog.name.trim(),
            grid: current.grid,
            tiles: current.tiles,
            cycleCameraIds: current.cycleCameraIds,
            cycleSeconds: current.cycleSeconds,
          }),
        (l) => t('cameras.layout.renamed', { name: l?.name ?? '' }),
      );
  };

  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField
        select
        size="small"
        label={t('cameras.layout.label')}
        value={current?.id ?? ''}
        onChange={(e) => onOpen(layouts.find((l) => l.id === e.target.value) ?? null)}
        sx={{ minWidth: 200 }}
        slotProps={{
          htmlInput: { 'data-testid': 'wall-layout-select' },
          select: { displayEmpty: true },
          inputLabel: { shrink: true },
        }}
      >
        <MenuItem value="">{t('cameras.layout.unsaved')}</MenuItem>
        {layouts.map((l) => (
          <MenuItem key={l.id} value={l.id}>
            {l.name}
          </MenuItem>
        ))}
      </TextField>
      <Button size="small" variant="outlined" onClick={save} disabled={busy} data-testid="wall-layout-save">
        {t('common.save')}
      </Button>
      <Button
        size="small"
        onClick={() => setDialog({ kind: 'saveAs', name: '' })}
        data-testid="wall-layout-save-as"
      >
        {t('cameras.layout.saveAs')}
      </Button>
      {current ? (
        <>
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'rename', name: current.name })}
            data-testid="wall-layout-rename"
          >
            {t('cameras.layout.rename')}
          </Button>
          <Button
            size="small"
            color="error"
            onClick={() => setDialog({ kind: 'delete' })}
            data-testid="wall-layout-delete"
          >
            {t('cameras.layout.delete')}
          </Button>
        </>
      ) : null}
      <Dialog open={dialog !== null} onClose={() => setDialog(null)} maxWidth="xs" fullWidth>
        <DialogTitle>
          {dialog?.kind === 'delete'
            ? t('cameras.layout.deleteTitle')
            : dialog?.kind === 'rename'
              ? t('cameras.layout.rename')
              : t('cameras.layout.saveAs')}
        </DialogTitle>
        <DialogContent>
          {dialog?.kind === 'delete' ? (
            t('cameras.layout.deleteBody', { name: current?.name ?? '' })
          ) : dialog ? (
            <TextField
              autoFocus
              fullWidth
              margin="dense"
              label={t('cameras.layout.name')}
              value={dialog.name}
              onChange={(e) => setDialog({ ...dialog, name: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && dialog.name.trim()) confirm();
              }}
              error={problem !== null}
              helperText={problem ? describeProblem(problem, i18n) : ' '}
              slotProps={{ htmlInput: { maxLength: 80, 'data-testid': 'wall-layout-name' } }}
            />
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(null)}>{t('common.cancel')}</Button>
          <Button
            variant="contained"
            color={dialog?.kind === 'delete' ? 'error' : 'primary'}
            disabled={busy || (dialog !== null && dialog.kind !== 'delete' && !dialog.name.trim())}
            onClick={confirm}
            data-testid="wall-layout-confirm"
          >
            {dialog?.kind === 'delete' ? t('cameras.layout.delete') : t('common.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
