/** The camera wall's state and the pure rules that change it (no React, unit-tested). */

export const GRIDS = [1, 2, 3, 4] as const;
export type Grid = (typeof GRIDS)[number];
/** Camera of each tile, row by row; null = empty. */
export type Tiles = readonly (string | null)[];

/**
 * The wall keeps MAX_TILES slots; the first grid² are shown. Going down to a smaller grid hides cameras rather than
 * forgetting them, so going back up shows them again.
 */
export interface WallState {
  grid: Grid;
  tiles: Tiles;
}

export const MAX_TILES = 16;
export const isGrid = (n: unknown): n is Grid => (GRIDS as readonly unknown[]).includes(n);
export const tileCount = (grid: Grid) => grid * grid;

/** Tiles padded (or cut) to `length` slots. */
export const padTiles = (tiles: Tiles, length = MAX_TILES) =>
  Array.from({ length }, (_, i) => tiles[i] ?? null);

export function emptyWall(grid: Grid = 2): WallState {
  return { grid, tiles: padTiles([]) };
}

/** The tiles on screen. */
export const visibleTiles = (state: WallState) => state.tiles.slice(0, tileCount(state.grid));

/**
 * The grid² tiles of another grid: cameras keep their tile when it still exists; those whose tile is gone move to
 * the first empty tiles, in order; what does not fit is left out.
 */
export function resizeTiles(tiles: Tiles, grid: Grid): (string | null)[] {
  const n = tileCount(grid);
  const out = padTiles(tiles, n);
  const overflow = tiles.slice(n).filter((c): c is string => c !== null && !out.includes(c));
  for (let i = 0; i < n && overflow.length > 0; i++) if (out[i] === null) out[i] = overflow.shift() ?? null;
  return out;
}

/** Another grid: the shown tiles as resizeTiles says, the cameras left out kept (hidden) after them. */
export function setGrid(state: WallState, grid: Grid): WallState {
  if (grid === state.grid) return state;
  const shown = resizeTiles(state.tiles, grid);
  const hidden = state.tiles.filter((c): c is string => c !== null && !shown.includes(c));
  return { grid, tiles: padTiles([...shown, ...hidden]) };
}

/**
 * A camera dropped on a tile. A camera shows in one tile only: when it already is in another tile, the two tiles
 * swap (the target's camera goes where the dropped one was).
 */
export function placeCamera(tiles: Tiles, index: number, cameraId: string): (string | null)[] {
  const out = [...tiles];
  if (index < 0 || index >= out.length) return out;
  const from = out.indexOf(cameraId);
  if (from === index) return out;
  if (from >= 0) out[from] = out[index] ?? null;
  out[index] = cameraId;
  return out;
}

/** A tile dragged onto another: they swap. */
export function moveTile(tiles: Tiles, from: number, to: number): (string | null)[] {
  const out = [...tiles];
  if (from === to || from < 0 || to < 0 || from >= out.length || to >= out.length) return out;
  [out[from], out[to]] = [out[to] ?? null, out[from] ?? null];
  return out;
}

export function clearTile(tiles: Tiles, index: number): (string | null)[] {
  return tiles.map((c, i) => (i === index ? null : c));
}

/** Cameras that are not in the list any more (deleted) leave their tile. */
export function dropUnknown(tiles: Tiles, known: ReadonlySet<string>): (string | null)[] {
  return tiles.map((c) => (c !== null && known.has(c) ? c : null));
}

// ---- auto-cycle -------------------------------------------------------------------------------------------

/** How many pages a group of cameras fills on this grid (at least 1). */
export function pageCount(group: readonly string[], grid: Grid): number {
  return Math.max(1, Math.ceil(group.length / tileCount(grid)));
}

/** The tiles of page `page` (taken modulo the page count) of a group: its cameras in order, then empty tiles. */
export function cyclePage(group: readonly string[], grid: Grid, page: number): (string | null)[] {
  const n = tileCount(grid);
  const pages = pageCount(group, grid);
  const p = ((page % pages) + pages) % pages;
  return Array.from({ length: n }, (_, i) => group[p * n + i] ?? null);
}

/** The cycle group: the chosen cameras, or every camera with the tag, in list order; unknown ids dropped. */
export function cycleGroup(
  cameras: readonly { id: string; tags: readonly string[] }[],
  choice: { ids: readonly string[] } | { tag: string },
): string[] {
  if ('tag' in choice) return cameras.filter((c) => c.tags.includes(choice.tag)).map((c) => c.id);
  const known = new Set(cameras.map((c) => c.id));
  return [...new Set(choice.ids)].filter((id) => known.has(id));
}

// ---- saved layouts ------------------------------------------------------------------------------------------

export interface LayoutBody {
  name: string;
  grid: number;
  tiles: (string | null)[];
  cycleCameraIds: string[];
  cycleSeconds: number;
}

/** The body of POST/PUT /cameras/layouts (cycle period 0 = off; otherwise 5 to 3600 s, as the api requires). */
export function layoutBody(
  name: string,
  state: WallState,
  cycle: { ids: readonly string[]; seconds: number },
): LayoutBody {
  const seconds = cycle.ids.length === 0 ? 0 : Math.min(3600, Math.max(5, Math.round(cycle.seconds)));
  return {
    name: name.trim(),
    grid: state.grid,
    tiles: visibleTiles(state),
    cycleCameraIds: [...cycle.ids],
    cycleSeconds: seconds,
  };
}

/** A saved layout back into wall state (a grid out of range becomes 2×2; extra tiles fill empty ones). */
export function wallFromLayout(layout: { grid: number; tiles: readonly (string | null)[] }): WallState {
  const grid: Grid = isGrid(layout.grid) ? layout.grid : 2;
  return { grid, tiles: padTiles(resizeTiles(layout.tiles, grid)) };
}

// ---- keyboard -----------------------------------------------------------------------------------------------

export type WallKeyAction = { type: 'grid'; grid: Grid } | { type: 'fullscreen' } | { type: 'togglePause' };

/** 1–4 switch the grid, F full-screens the focused tile, Space pauses/resumes the cycle. */
export function wallKeyAction(e: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}): WallKeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const n = Number(e.key);
  if (isGrid(n)) return { type: 'grid', grid: n };
  if (e.key === 'f' || e.key === 'F') return { type: 'fullscreen' };
  if (e.key === ' ' || e.key === 'Spacebar') return { type: 'togglePause' };
  return null;
}

// ---- drag and drop ------------------------------------------------------------------------------------------

/** dataTransfer types: a camera from the side list, or a tile of the wall. */
export const DRAG_CAMERA = 'application/x-dlid-camera';
export const DRAG_TILE = 'application/x-dlid-tile';

/** The tiles after a drop on tile `target`, from the dataTransfer's values; unchanged when it carries neither. */
export function applyDrop(
  tiles: Tiles,
  target: number,
  data: { camera?: string; tile?: string },
): (string | null)[] {
  if (data.tile !== undefined && data.tile !== '' && /^\d+$/.test(data.tile))
    return moveTile(tiles, Number(data.tile), target);
  if (data.camera) return placeCamera(tiles, target, data.camera);
  return [...tiles];
}
