import {
  createContext,
  createElement,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { refreshSession } from '../api/client';
import { getAccessToken } from '../api/tokens';
import { backoffMs, expiresWithin } from './playerLogic';
import { createSseParser } from './sse';
import { applyStatusEvent, EMPTY_STATUS_MAP, type StatusMap } from './status';

export interface CameraStatusValue {
  /** cameraId → the latest status pushed by the api. */
  statuses: StatusMap;
  /** The stream is open (false while reconnecting). */
  connected: boolean;
}

const CameraStatusContext = createContext<CameraStatusValue>({
  statuses: EMPTY_STATUS_MAP,
  connected: false,
});

const STREAM_PATH = '/api/v1/cameras/events/stream';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Reads GET /cameras/events/stream (Server-Sent Events) with fetch and a ReadableStream, because EventSource cannot
 * send the Authorization header; every event goes through `onEvent`. Reconnects when the stream ends (the api ends
 * it when the access token expires) or fails, with a fresh token and backoff; stops on abort or a 403.
 */
async function followStream(
  signal: AbortSignal,
  onEvent: Parameters<typeof createSseParser>[0],
  onConnected: (connected: boolean) => void,
): Promise<void> {
  let attempt = 0;
  while (!signal.aborted) {
    try {
      let token = getAccessToken();
      if (!token || expiresWithin(token, 5000)) {
        await refreshSession();
        token = getAccessToken();
      }
      const res = await fetch(STREAM_PATH, {
        headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        cache: 'no-store',
        signal,
      });
      if (res.status === 403) return;
      if (res.status === 401) {
        await refreshSession();
        throw new Error('unauthenticated');
      }
      if (!res.ok || !res.body) throw new Error(`status stream: ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = createSseParser(onEvent);
      onConnected(true);
      let received = false;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!received) {
          received = true;
          attempt = 0;
        }
        parser.push(value);
      }
      parser.end();
    } catch {
      // network error or abort: see below
    }
    onConnected(false);
    if (signal.aborted) return;
    await sleep(backoffMs(attempt++), signal);
  }
}

/** One status stream for everything below it (the cameras page holds one for its map, panel and wall). */
export function CameraStatusProvider({ children }: { children: ReactNode }) {
  const [statuses, setStatuses] = useState<StatusMap>(EMPTY_STATUS_MAP);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    void followStream(
      controller.signal,
      (event) => setStatuses((map) => applyStatusEvent(map, event)),
      setConnected,
    );
    return () => controller.abort();
  }, []);
  const value = useMemo(() => ({ statuses, connected }), [statuses, connected]);
  return createElement(CameraStatusContext.Provider, { value }, children);
}

/** The live statuses of the cameras (from the page's CameraStatusProvider). */
export function useCameraStatus(): CameraStatusValue {
  return useContext(CameraStatusContext);
}
