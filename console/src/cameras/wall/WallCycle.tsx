import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import {
  Autocomplete,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useI18n } from '../../i18n/context';
import type { Camera } from '../queries';
import { cycleGroup } from './layout';

export interface CycleState {
  /** The group rotated through the tiles (empty = no cycle). */
  ids: readonly string[];
  seconds: number;
  paused: boolean;
  page: number;
}
export const NO_CYCLE: CycleState = { ids: [], seconds: 15, paused: false, page: 0 };

interface Props {
  cycle: CycleState;
  pages: number;
  cameras: readonly Camera[];
  tags: readonly string[];
  onChange: (next: CycleState) => void;
}

/** Auto-cycle: choose cameras or a tag and a period; the pages of the group rotate through the tiles. */
export function WallCycle({ cycle, pages, cameras, tags, onChange }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'tag' | 'cameras'>('tag');
  const [tag, setTag] = useState('');
  const [chosen, setChosen] = useState<Camera[]>([]);
  const [seconds, setSeconds] = useState(String(cycle.seconds));
  const group = mode === 'tag' ? (tag ? cycleGroup(cameras, { tag }) : []) : chosen.map((c) => c.id);
  const secs = Number(seconds);
  const validSeconds = Number.isInteger(secs) && secs >= 5 && secs <= 3600;
  const running = cycle.ids.length > 0;

  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      {running ? (
        <>
          <Typography variant="body2" data-testid="wall-cycle-page">
            {t('cameras.cycle.page', { page: (cycle.page % pages) + 1, pages, seconds: cycle.seconds })}
          </Typography>
          <Button
            size="small"
            startIcon={cycle.paused ? <PlayArrowIcon /> : <PauseIcon />}
            onClick={() => onChange({ ...cycle, paused: !cycle.paused })}
            data-testid="wall-cycle-pause"
            data-paused={cycle.paused}
          >
            {cycle.paused ? t('cameras.cycle.resume') : t('cameras.cycle.pause')}
          </Button>
          <Button
            size="small"
            startIcon={<StopIcon />}
            onClick={() => onChange(NO_CYCLE)}
            data-testid="wall-cycle-stop"
          >
            {t('cameras.cycle.stop')}
          </Button>
        </>
      ) : (
        <Button size="small" variant="outlined" onClick={() => setOpen(true)} data-testid="wall-cycle-open">
          {t('cameras.cycle.open')}
        </Button>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{t('cameras.cycle.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ToggleButtonGroup
              exclusive
              size="small"
              value={mode}
              onChange={(_, m: 'tag' | 'cameras' | null) => m && setMode(m)}
            >
              <ToggleButton value="tag">{t('cameras.cycle.byTag')}</ToggleButton>
              <ToggleButton value="cameras">{t('cameras.cycle.byCameras')}</ToggleButton>
            </ToggleButtonGroup>
            {mode === 'tag' ? (
              <TextField
                select
                size="small"
                label={t('cameras.filter.tag')}
                value={tag}
                onChange={(e) => setTag(e.target.value)}
              >
                {tags.map((x) => (
                  <MenuItem key={x} value={x}>
                    {x}
                  </MenuItem>
                ))}
              </TextField>
            ) : (
              <Autocomplete
                multiple
                size="small"
                options={cameras as Camera[]}
                value={chosen}
                getOptionLabel={(c) => c.name}
                isOptionEqualToValue={(a, b) => a.id === b.id}
                onChange={(_, v) => setChosen(v)}
                renderInput={(params) => <TextField {...params} label={t('cameras.cycle.cameras')} />}
              />
            )}
            <TextField
              size="small"
              type="number"
              label={t('cameras.cycle.seconds')}
              value={seconds}
              onChange={(e) => setSeconds(e.target.value)}
              error={!validSeconds}
              helperText={t('cameras.cycle.secondsHint')}
              slotProps={{ htmlInput: { min: 5, max: 3600, 'data-testid': 'wall-cycle-seconds' } }}
            />
            <Typography variant="body2" color="text.secondary">
              {t('cameras.cycle.groupSize', { count: group.length })}
            </Typography>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          <Button
            variant="contained"
            disabled={group.length === 0 || !validSeconds}
            onClick={() => {
              onChange({ ids: group, seconds: secs, paused: false, page: 0 });
              setOpen(false);
            }}
            data-testid="wall-cycle-start"
          >
            {t('cameras.cycle.start')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
