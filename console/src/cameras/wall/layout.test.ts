import { describe, expect, it } from 'vitest';
import {
  applyDrop,
  clearTile,
  cycleGroup,
  cyclePage,
  dropUnknown,
  emptyWall,
  layoutBody,
  moveTile,
  pageCount,
  placeCamera,
  resizeTiles,
  setGrid,
  wallFromLayout,
  padTiles,
  visibleTiles,
  wallKeyAction,
} from './layout';

describe('wall tiles', () => {
  it('starts empty, 16 slots of which grid² are shown', () => {
    expect(emptyWall(3).tiles).toHaveLength(16);
    expect(visibleTiles(emptyWall(3))).toHaveLength(9);
    expect(emptyWall().tiles.every((t) => t === null)).toBe(true);
  });

  it('placing a camera fills the tile; placing it elsewhere swaps the two tiles', () => {
    let tiles = placeCamera(padTiles([], 4), 0, 'a');
    tiles = placeCamera(tiles, 3, 'b');
    expect(tiles).toEqual(['a', null, null, 'b']);
    expect(placeCamera(tiles, 3, 'a')).toEqual(['b', null, null, 'a']);
    expect(placeCamera(tiles, 1, 'a')).toEqual([null, 'a', null, 'b']);
    expect(placeCamera(tiles, 9, 'c')).toEqual(tiles);
    // a camera hidden by a smaller grid comes back into the tile it is dropped on
    expect(placeCamera(padTiles(['a', 'b']), 0, 'b').slice(0, 2)).toEqual(['b', 'a']);
  });

  it('moves and clears tiles', () => {
    const tiles = ['a', 'b', null, null];
    expect(moveTile(tiles, 0, 2)).toEqual([null, 'b', 'a', null]);
    expect(moveTile(tiles, 0, 1)).toEqual(['b', 'a', null, null]);
    expect(moveTile(tiles, 0, 7)).toEqual(tiles);
    expect(clearTile(tiles, 1)).toEqual(['a', null, null, null]);
    expect(tiles).toEqual(['a', 'b', null, null]); // not mutated
  });

  it('a smaller grid keeps cameras in their tile and moves the others into empty tiles', () => {
    const big = ['a', null, null, 'b', null, 'c', null, null, 'd'];
    expect(resizeTiles(big, 2)).toEqual(['a', 'c', 'd', 'b']);
    expect(resizeTiles(['a', null, null, null, 'b', 'c'], 2)).toEqual(['a', 'b', 'c', null]);
    expect(resizeTiles(['a', 'b', 'c', 'd', 'e'], 1)).toEqual(['a']);
  });

  it('a smaller grid hides cameras, and going back shows them again', () => {
    const wall = { grid: 2 as const, tiles: padTiles(['a', 'b', null, 'c']) };
    const small = setGrid(wall, 1);
    expect(visibleTiles(small)).toEqual(['a']);
    expect(small.tiles).toHaveLength(16);
    expect(visibleTiles(setGrid(small, 2))).toEqual(['a', 'b', 'c', null]);
    expect(visibleTiles(setGrid(wall, 3))).toEqual(['a', 'b', null, 'c', null, null, null, null, null]);
  });

  it('drops deleted cameras', () => {
    expect(dropUnknown(['a', 'x', null, 'b'], new Set(['a', 'b']))).toEqual(['a', null, null, 'b']);
  });

  it('applies drops of cameras and of tiles', () => {
    const tiles = ['a', null, null, 'b'];
    expect(applyDrop(tiles, 1, { camera: 'c' })).toEqual(['a', 'c', null, 'b']);
    expect(applyDrop(tiles, 1, { tile: '3', camera: '' })).toEqual(['a', 'b', null, null]);
    expect(applyDrop(tiles, 1, {})).toEqual(tiles);
    expect(applyDrop(tiles, 1, { tile: 'x' })).toEqual(tiles);
  });
});

describe('auto-cycle', () => {
  const group = ['a', 'b', 'c', 'd', 'e', 'f'];
  it('splits the group into pages of the grid and wraps around', () => {
    expect(pageCount(group, 2)).toBe(2);
    expect(pageCount([], 2)).toBe(1);
    expect(cyclePage(group, 2, 0)).toEqual(['a', 'b', 'c', 'd']);
    expect(cyclePage(group, 2, 1)).toEqual(['e', 'f', null, null]);
    expect(cyclePage(group, 2, 2)).toEqual(['a', 'b', 'c', 'd']);
    expect(cyclePage(group, 2, -1)).toEqual(['e', 'f', null, null]);
    expect(cyclePage(group, 1, 4)).toEqual(['e']);
  });

  it('builds the group from chosen cameras or from a tag', () => {
    const cams = [
      { id: 'a', tags: ['ngã tư'] },
      { id: 'b', tags: [] },
      { id: 'c', tags: ['ngã tư', 'QL14'] },
    ];
    expect(cycleGroup(cams, { tag: 'ngã tư' })).toEqual(['a', 'c']);
    expect(cycleGroup(cams, { ids: ['c', 'zz', 'a', 'c'] })).toEqual(['c', 'a']);
  });
});

describe('saved layouts', () => {
  it('builds the api body and keeps the cycle period in range', () => {
    const state = { grid: 2 as const, tiles: padTiles(['a', null, null, 'b', 'hidden']) };
    expect(layoutBody('  Trung tâm  ', state, { ids: [], seconds: 30 })).toEqual({
      name: 'Trung tâm',
      grid: 2,
      tiles: ['a', null, null, 'b'],
      cycleCameraIds: [],
      cycleSeconds: 0,
    });
    expect(layoutBody('x', state, { ids: ['a'], seconds: 2 }).cycleSeconds).toBe(5);
    expect(layoutBody('x', state, { ids: ['a'], seconds: 99999 }).cycleSeconds).toBe(3600);
  });

  it('reads a saved layout back', () => {
    expect(wallFromLayout({ grid: 3, tiles: ['a'] })).toEqual({
      grid: 3,
      tiles: ['a', ...Array(15).fill(null)],
    });
    expect(visibleTiles(wallFromLayout({ grid: 1, tiles: [null, 'b'] }))).toEqual(['b']);
    expect(wallFromLayout({ grid: 7, tiles: [] }).grid).toBe(2);
  });
});

describe('wall keys', () => {
  it('maps 1–4, F and Space; ignores modified keys', () => {
    expect(wallKeyAction({ key: '3' })).toEqual({ type: 'grid', grid: 3 });
    expect(wallKeyAction({ key: '5' })).toBeNull();
    expect(wallKeyAction({ key: 'f' })).toEqual({ type: 'fullscreen' });
    expect(wallKeyAction({ key: ' ' })).toEqual({ type: 'togglePause' });
    expect(wallKeyAction({ key: '2', ctrlKey: true })).toBeNull();
  });
});
