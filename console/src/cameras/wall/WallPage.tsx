import {
  Box,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Paper,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { useCameraList, useWallLayouts, type Camera, type WallLayout } from '../queries';
import { StateDot } from '../StateChip';
import { displayState } from '../status';
import { useCameraStatus } from '../useCameraStatus';
import {
  applyDrop,
  clearTile,
  cyclePage,
  DRAG_CAMERA,
  emptyWall,
  GRIDS,
  isGrid,
  layoutBody,
  pageCount,
  padTiles,
  placeCamera,
  setGrid,
  visibleTiles,
  wallFromLayout,
  wallKeyAction,
  type Grid,
  type WallState,
} from './layout';
import { NO_CYCLE, WallCycle, type CycleState } from './WallCycle';
import { WallGrid } from './WallGrid';
import { WallLayouts } from './WallLayouts';

const STORE_KEY = 'dlid.console.cameraWall';

/** The wall as this browser left it (not saved as a named layout). */
function loadLocal(): WallState {
  try {
    const v = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null') as {
      grid?: unknown;
      tiles?: unknown;
    } | null;
    if (v && isGrid(v.grid) && Array.isArray(v.tiles))
      return wallFromLayout({ grid: v.grid, tiles: v.tiles.map((x) => (typeof x === 'string' ? x : null)) });
  } catch {
    // unreadable: start afresh
  }
  return emptyWall(2);
}

const normalize = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"]') !== null);

/**
 * The camera wall: 1×1 to 4×4 tiles of live video. Drag cameras from the list into tiles (or click one: it goes
 * into the focused tile), drag tiles onto each other, clear, full-screen a tile, save named layouts, auto-cycle a
 * group. Keys: 1–4 grid, F full screen, Space pause the cycle.
 */
export function WallPage() {
  const { t } = useI18n();
  const list = useCameraList();
  const layouts = useWallLayouts();
  const { statuses } = useCameraStatus();
  const [wall, setWall] = useState<WallState>(loadLocal);
  const [current, setCurrent] = useState<WallLayout | null>(null);
  const [cycle, setCycle] = useState<CycleState>(NO_CYCLE);
  const [focused, setFocused] = useState(0);
  const [q, setQ] = useState('');
  const tileEls = useRef(new Map<number, HTMLDivElement>());

  useEffect(() => {
    localStorage.setItem(STORE_KEY, JSON.stringify(wall));
  }, [wall]);

  const cameras = useMemo(() => list.data?.items ?? [], [list.data]);
  const byId = useMemo(() => new Map(cameras.map((c) => [c.id, c])), [cameras]);
  const cycling = cycle.ids.length > 0;
  const pages = pageCount(cycle.ids, wall.grid);
  const tiles = cycling ? cyclePage(cycle.ids, wall.grid, cycle.page) : visibleTiles(wall);

  useEffect(() => {
    if (!cycling || cycle.paused) return;
    const timer = setInterval(() => setCycle((c) => ({ ...c, page: c.page + 1 })), cycle.seconds * 1000);
    return () => clearInterval(timer);
  }, [cycling, cycle.paused, cycle.seconds]);

  const changeTiles = useCallback(
    (next: (base: readonly (string | null)[]) => (string | null)[]) => {
      // a manual change while cycling starts from what is on screen and ends the cycle
      setWall((w) => ({
        ...w,
        tiles: padTiles(next(cycling ? cyclePage(cycle.ids, w.grid, cycle.page) : w.tiles)),
      }));
      if (cycling) setCycle(NO_CYCLE);
    },
    [cycling, cycle.ids, cycle.page],
  );

  const fullscreen = useCallback((index: number) => {
    const el = tileEls.current.get(index);
    if (el && !document.fullscreenElement) void el.requestFullscreen?.().catch(() => undefined);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const action = wallKeyAction(e);
      if (!action) return;
      e.preventDefault();
      if (action.type === 'grid') setWall((w) => setGrid(w, action.grid));
      else if (action.type === 'fullscreen') fullscreen(focused);
      else setCycle((c) => (c.ids.length ? { ...c, paused: !c.paused } : c));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focused, fullscreen]);

  const openLayout = (layout: WallLayout | null) => {
    setCurrent(layout);
    if (!layout) return;
    setWall(wallFromLayout(layout));
    setCycle(
      layout.cycleCameraIds.length && layout.cycleSeconds > 0
        ? { ids: layout.cycleCameraIds, seconds: layout.cycleSeconds, paused: false, page: 0 }
        : NO_CYCLE,
    );
  };

  const place = (camera: Camera) => {
    const target = tiles[focused] === null ? focused : tiles.indexOf(null);
    changeTiles((base) => placeCamera(base, target >= 0 ? target : focused, camera.id));
  };

  const needle = normalize(q.trim());
  const listed = needle
    ? cameras.filter((c) => normalize(`${c.name} ${c.code} ${c.address ?? ''}`).includes(needle))
    : cameras;

  return (
    <Stack spacing={1}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={wall.grid}
          onChange={(_, g: Grid | null) => g && setWall((w) => setGrid(w, g))}
          aria-label={t('cameras.wall.gridLabel')}
        >
          {GRIDS.map((g) => (
            <ToggleButton
              key={g}
              value={g}
              data-testid={`wall-grid-${g}`}
              aria-label={t('cameras.wall.grid', { n: g })}
            >
              {g}×{g}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <WallLayouts
          layouts={layouts.data?.items ?? []}
          current={current}
          body={(name) => layoutBody(name, wall, { ids: cycle.ids, seconds: cycle.seconds })}
          onOpen={openLayout}
          onChanged={(l) => {
            setCurrent(l);
            layouts.reload();
          }}
        />
        <WallCycle
          cycle={cycle}
          pages={pages}
          cameras={cameras}
          tags={list.data?.tags ?? []}
          onChange={setCycle}
        />
        <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
          {t('cameras.wall.keys')}
        </Typography>
      </Stack>
      {list.problem ? <ProblemAlert problem={list.problem} onRetry={list.reload} /> : null}
      {layouts.problem ? <ProblemAlert problem={layouts.problem} onRetry={layouts.reload} /> : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '240px 1fr' }, gap: 1 }}>
        <Paper
          variant="outlined"
          sx={{ display: 'flex', flexDirection: 'column', maxHeight: 'calc(100vh - 190px)' }}
        >
          <TextField
            size="small"
            placeholder={t('cameras.wall.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            sx={{ m: 1 }}
            slotProps={{ htmlInput: { 'aria-label': t('cameras.wall.search') } }}
          />
          <Typography variant="caption" color="text.secondary" sx={{ px: 1.5 }}>
            {t('cameras.wall.dragHint')}
          </Typography>
          <List dense sx={{ overflow: 'auto' }} data-testid="wall-camera-list">
            {listed.map((c) => (
              <ListItemButton
                key={c.id}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_CAMERA, c.id);
                  e.dataTransfer.effectAllowed = 'copyMove';
                }}
                onClick={() => place(c)}
                data-testid={`wall-camera-${c.code}`}
                selected={tiles.includes(c.id)}
              >
                <ListItemIcon sx={{ minWidth: 22 }}>
                  <StateDot state={displayState(statuses, c)} />
                </ListItemIcon>
                <ListItemText primary={c.name} slotProps={{ primary: { noWrap: true, title: c.name } }} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
        <WallGrid
          grid={wall.grid}
          tiles={tiles}
          cameras={byId}
          statuses={statuses}
          focused={focused}
          onFocus={setFocused}
          onDrop={(i, data) => changeTiles((base) => applyDrop(base, i, data))}
          onClear={(i) => changeTiles((base) => clearTile(base, i))}
          tileRef={(i, el) => {
            if (el) tileEls.current.set(i, el);
            else tileEls.current.delete(i);
          }}
          onFullscreen={fullscreen}
          onPlayerFinal={list.reload}
        />
      </Box>
    </Stack>
  );
}
