import ClearIcon from '@mui/icons-material/Clear';
import FullscreenIcon from '@mui/icons-material/Fullscreen';
import { Box, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useRef, useState, type DragEvent } from 'react';
import { useI18n } from '../../i18n/context';
import { LivePlayer } from '../LivePlayer';
import type { Camera } from '../queries';
import { StateDot } from '../StateChip';
import { displayState, type StatusMap } from '../status';
import { DRAG_CAMERA, DRAG_TILE, type Grid, type Tiles } from './layout';

interface Props {
  grid: Grid;
  tiles: Tiles;
  cameras: ReadonlyMap<string, Camera>;
  statuses: StatusMap;
  focused: number;
  onFocus: (index: number) => void;
  onDrop: (index: number, data: { camera?: string; tile?: string }) => void;
  onClear: (index: number) => void;
  /** Registers each tile's element, for full screen. */
  tileRef: (index: number, el: HTMLDivElement | null) => void;
  onFullscreen: (index: number) => void;
  /** A tile's player gave up for good (camera disabled, deleted, readdressed). */
  onPlayerFinal: () => void;
}

function Tile({ index, cameraId, props }: { index: number; cameraId: string | null; props: Props }) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);
  const camera = cameraId ? props.cameras.get(cameraId) : undefined;
  const state = camera ? displayState(props.statuses, camera) : undefined;
  const accepts = (e: DragEvent) =>
    e.dataTransfer.types.includes(DRAG_CAMERA) || e.dataTransfer.types.includes(DRAG_TILE);
  return (
    <Box
      ref={(el: HTMLDivElement | null) => props.tileRef(index, el)}
      tabIndex={0}
      role="group"
      aria-label={camera ? camera.name : t('cameras.wall.emptyTile', { n: index + 1 })}
      data-testid={`wall-tile-${index}`}
      data-camera={cameraId ?? ''}
      data-state={state ?? ''}
      onFocus={() => props.onFocus(index)}
      draggable={Boolean(camera)}
      onDragStart={(e) => {
        if (!camera) return;
        e.dataTransfer.setData(DRAG_TILE, String(index));
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        props.onDrop(index, {
          camera: e.dataTransfer.getData(DRAG_CAMERA),
          tile: e.dataTransfer.getData(DRAG_TILE),
        });
      }}
      onDoubleClick={() => camera && props.onFullscreen(index)}
      sx={{
        position: 'relative',
        aspectRatio: '16 / 9',
        minWidth: 0,
        bgcolor: '#0d1117',
        outline: over
          ? '3px dashed #90caf9'
          : props.focused === index
            ? '2px solid #1976d2'
            : '1px solid #30363d',
        outlineOffset: -2,
        overflow: 'hidden',
        '&:fullscreen': { aspectRatio: 'auto', outline: 'none' },
        '&:hover .tile-actions, &:focus-within .tile-actions': { opacity: 1 },
      }}
    >
      {camera ? (
        camera.enabled ? (
          <LivePlayer cameraId={camera.id} compact={props.grid >= 3} onFinal={props.onPlayerFinal} />
        ) : (
          <Stack sx={{ height: '100%', color: '#fff', alignItems: 'center', justifyContent: 'center' }}>
            <Typography variant="caption">{t('cameras.player.disabled')}</Typography>
          </Stack>
        )
      ) : (
        <Stack
          sx={{ height: '100%', color: '#8b949e', alignItems: 'center', justifyContent: 'center', p: 1 }}
        >
          <Typography variant="caption" sx={{ textAlign: 'center' }}>
            {cameraId ? t('cameras.wall.missing') : t('cameras.wall.dropHere')}
          </Typography>
        </Stack>
      )}
      {camera && state ? (
        <Stack
          direction="row"
          sx={{
            position: 'absolute',
            top: 0,
            left: 0,
            right: 0,
            alignItems: 'center',
            gap: 0.75,
            px: 1,
            py: 0.25,
            color: '#fff',
            background: 'linear-gradient(rgba(0,0,0,0.75), rgba(0,0,0,0))',
            pointerEvents: 'none',
          }}
        >
          <StateDot state={state} size={9} />
          <Typography
            variant="caption"
            noWrap
            sx={{ fontWeight: 600, flex: 1 }}
            data-testid={`wall-tile-name-${index}`}
          >
            {camera.name}
          </Typography>
        </Stack>
      ) : null}
      {cameraId ? (
        <Stack
          className="tile-actions"
          direction="row"
          sx={{
            position: 'absolute',
            right: 2,
            bottom: 2,
            opacity: 0,
            transition: 'opacity 120ms',
            bgcolor: 'rgba(0,0,0,0.5)',
            borderRadius: 1,
          }}
        >
          <Tooltip title={t('cameras.wall.fullscreen')}>
            <IconButton
              size="small"
              sx={{ color: '#fff' }}
              onClick={() => props.onFullscreen(index)}
              aria-label={t('cameras.wall.fullscreen')}
            >
              <FullscreenIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          <Tooltip title={t('cameras.wall.clearTile')}>
            <IconButton
              size="small"
              sx={{ color: '#fff' }}
              onClick={() => props.onClear(index)}
              aria-label={t('cameras.wall.clearTile')}
              data-testid={`wall-tile-clear-${index}`}
            >
              <ClearIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
      ) : null}
    </Box>
  );
}

/** The wall's tiles: live players in a grid² of 16:9 tiles, drop targets for cameras and for other tiles. */
export function WallGrid(props: Props) {
  const { t } = useI18n();
  const boxRef = useRef<HTMLDivElement>(null);
  return (
    <Box
      ref={boxRef}
      role="region"
      aria-label={t('cameras.wall.label')}
      data-testid="wall-grid"
      data-grid={props.grid}
      sx={{
        display: 'grid',
        gridTemplateColumns: `repeat(${props.grid}, minmax(0, 1fr))`,
        gap: '4px',
        bgcolor: '#010409',
        p: '4px',
        width: 'min(100%, calc((100vh - 190px) * 16 / 9))',
        mx: 'auto',
      }}
    >
      {props.tiles.map((cameraId, i) => (
        <Tile key={cameraId ?? `empty-${i}`} index={i} cameraId={cameraId} props={props} />
      ))}
    </Box>
  );
}
