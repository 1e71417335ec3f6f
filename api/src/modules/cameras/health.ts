import type { Logger } from 'pino';
import type { LiveStreams } from './cameras.types.ts';
import type { CameraRegistry } from './cameras.service.ts';
import type { Snapshots } from './snapshots.ts';

/**
 * Checks every enabled camera nobody is watching (no transcoder runs, so nothing else reports on it) every
 * `intervalMs`: a still is taken (which refreshes the snapshot cache) and its outcome reported as live / offline /
 * error by the snapshotter. At most `concurrency` captures at once. `intervalMs` 0 = off.
 */
export function createCameraHealth(deps: {
  registry: CameraRegistry;
  snapshots: Snapshots;
  live: () => LiveStreams;
  intervalMs: number;
  log: Logger;
  concurrency?: number;
}) {
  const concurrency = deps.concurrency ?? 2;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;

  /** One pass over the cameras; resolves with how many were checked. A pass by the timer halts on stop(). */
  async function runOnce(manual: boolean): Promise<number> {
    if (running) return running;
    running = (async () => {
      const ids = (await deps.registry.enabledIds()).filter((id) => !deps.live().stats(id).transcoding);
      let next = 0;
      let checked = 0;
      const worker = async () => {
        while (next < ids.length) {
          const id = ids[next++]!;
          if (stopped && !manual) return;
          try {
            await deps.snapshots.get(id);
            checked++;
          } catch (err) {
            deps.log.warn({ err, cameraId: id }, 'camera health check failed');
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
      return checked;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    start() {
      if (deps.intervalMs <= 0 || timer) return;
      stopped = false;
      const tick = () => {
        void runOnce(false)
          .catch((err: unknown) => deps.log.warn({ err }, 'camera health pass failed'))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, deps.intervalMs);
          });
      };
      timer = setTimeout(tick, Math.min(5_000, deps.intervalMs));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
    /** One pass now (tests, or an operator's "check all"). */
    checkNow: () => runOnce(true),
  };
}

export type CameraHealth = ReturnType<typeof createCameraHealth>;
