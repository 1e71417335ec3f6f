import { List, ListItemButton, ListItemIcon, ListItemText, Paper, Typography } from '@mui/material';
import { useI18n } from '../i18n/context';
import type { Camera } from './queries';
import { StateDot, STATE_LABEL } from './StateChip';
import type { DisplayState } from './status';

/** The cameras shown on the map, as a list beside it (same order, same states); a click opens one. */
export function CameraList({
  cameras,
  stateOf,
  selected,
  onSelect,
}: {
  cameras: readonly Camera[];
  stateOf: (c: Camera) => DisplayState;
  selected: string;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Paper variant="outlined" sx={{ height: '100%', overflow: 'auto' }}>
      {cameras.length === 0 ? (
        <Typography sx={{ p: 2 }} color="text.secondary" data-testid="camera-list-empty">
          {t('cameras.list.empty')}
        </Typography>
      ) : (
        <List dense disablePadding aria-label={t('cameras.list.label')} data-testid="camera-list">
          {cameras.map((c) => {
            const state = stateOf(c);
            return (
              <ListItemButton
                key={c.id}
                selected={c.id === selected}
                onClick={() => onSelect(c.id)}
                data-testid={`camera-item-${c.code}`}
                data-camera={c.id}
                data-state={state}
              >
                <ListItemIcon sx={{ minWidth: 22 }}>
                  <StateDot state={state} />
                </ListItemIcon>
                <ListItemText
                  primary={c.name}
                  secondary={[t(STATE_LABEL[state]), c.communeName].filter(Boolean).join(' · ')}
                  slotProps={{ primary: { noWrap: true, title: c.name } }}
                />
              </ListItemButton>
            );
          })}
        </List>
      )}
    </Paper>
  );
}
