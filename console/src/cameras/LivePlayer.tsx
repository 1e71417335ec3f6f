import { Box, CircularProgress, Stack, Typography } from '@mui/material';
import Jsmpeg from 'jsmpeg';
import { useEffect, useRef, useState } from 'react';
import { api, refreshSession, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import { getAccessToken } from '../api/tokens';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/vi';
import {
  backoffMs,
  closeOutcome,
  expiresWithin,
  FINAL_PHASES,
  liveUrl,
  parseStatusFrame,
  type PlayerPhase,
} from './playerLogic';

const PHASE_TEXT: Record<PlayerPhase, MessageKey> = {
  connecting: 'cameras.player.connecting',
  live: 'cameras.player.connecting',
  offline: 'cameras.player.offline',
  error: 'cameras.player.error',
  busy: 'cameras.player.busy',
  tooSlow: 'cameras.player.tooSlow',
  reconnecting: 'cameras.player.reconnecting',
  changed: 'cameras.player.changed',
  forbidden: 'cameras.player.forbidden',
  notFound: 'cameras.player.notFound',
  disabled: 'cameras.player.disabled',
};

/** Why the upgrade was refused, asked of the REST api (the browser does not show a refused upgrade's answer). */
async function diagnose(cameraId: string): Promise<PlayerPhase | null> {
  try {
    const camera = await unwrap(api.GET('/api/v1/cameras/{id}', { params: { path: { id: cameraId } } }));
    return camera.enabled ? null : 'disabled';
  } catch (err) {
    if (err instanceof ApiError && err.problem.status === 403) return 'forbidden';
    if (err instanceof ApiError && err.problem.status === 404) return 'notFound';
    return null;
  }
}

/**
 * Live video of one camera: jsmpeg decodes the MPEG-1 the gateway sends over
 * `new WebSocket(ws(s)://…/api/v1/cameras/{id}/live, ['dlid.bearer', token])`; the text frames tell the camera's
 * state, shown over the picture while it is not live. It reconnects with backoff (a fresh token when the old one
 * expired), except when the camera changed or the account may not watch it; unmounting closes everything.
 */
export function LivePlayer({
  cameraId,
  compact = false,
  onFinal,
}: {
  cameraId: string;
  compact?: boolean;
  /** The player gave up for good (the camera changed, is gone, or may not be watched): e.g. reload the list. */
  onFinal?: (phase: PlayerPhase) => void;
}) {
  const { t } = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<PlayerPhase>('connecting');
  const [message, setMessage] = useState<string | null>(null);
  const [hasVideo, setHasVideo] = useState(false);
  const onFinalRef = useRef(onFinal);
  useEffect(() => {
    onFinalRef.current = onFinal;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let disposed = false;
    let socket: WebSocket | null = null;
    let player: Jsmpeg | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let frames = 0;
    const hasVideoRef = { current: false };
    setPhase('connecting');
    setMessage(null);
    setHasVideo(false);

    const teardown = () => {
      if (socket) {
        socket.onmessage = null;
        socket.onopen = null;
        socket.onclose = null;
        if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN)
          socket.close(1000);
      }
      if (player) player.client = null;
      socket = null;
      player = null;
    };

    const schedule = (ms: number, refresh: boolean) => {
      clearTimeout(timer);
      timer = setTimeout(() => void connect(refresh), ms);
    };

    const connect = async (refresh: boolean) => {
      let token = getAccessToken();
      if (refresh || !token || expiresWithin(token, 10_000)) {
        await refreshSession();
        token = getAccessToken();
      }
      if (disposed) return;
      if (!token) return schedule(backoffMs(attempt++), true);
      teardown();
      let opened = false;
      const ws = new WebSocket(liveUrl(cameraId, location), ['dlid.bearer', token]);
      ws.binaryType = 'arraybuffer';
      socket = ws;
      // jsmpeg takes over onopen/onmessage; our listeners sit beside it
      player = new Jsmpeg(ws, {
        canvas,
        forceCanvas2D: true,
        ondecodeframe: () => {
          frames++;
          if (rootRef.current) rootRef.current.dataset.frames = String(frames);
          if (!hasVideoRef.current) {
            hasVideoRef.current = true;
            setHasVideo(true);
          }
        },
      });
      ws.addEventListener('open', () => {
        opened = true;
      });
      ws.addEventListener('message', (e: MessageEvent<unknown>) => {
        if (typeof e.data !== 'string') {
          attempt = 0;
          return;
        }
        const frame = parseStatusFrame(e.data);
        if (!frame || disposed) return;
        setPhase(frame.state);
        setMessage(frame.message);
        if (frame.state !== 'live') {
          hasVideoRef.current = false;
          setHasVideo(false);
        }
      });
      ws.addEventListener('close', (e: CloseEvent) => {
        if (disposed || socket !== ws) return;
        const outcome = closeOutcome(e.code, opened, attempt);
        hasVideoRef.current = false;
        setHasVideo(false);
        setPhase(outcome.phase);
        setMessage(null);
        if (outcome.retryMs === null) return onFinalRef.current?.(outcome.phase);
        attempt++;
        if (!outcome.diagnose) return schedule(outcome.retryMs, outcome.refresh);
        void diagnose(cameraId).then((final) => {
          if (disposed) return;
          if (final) {
            setPhase(final);
            onFinalRef.current?.(final);
          } else schedule(outcome.retryMs ?? 1000, false);
        });
      });
    };

    void connect(false);
    return () => {
      disposed = true;
      clearTimeout(timer);
      teardown();
    };
  }, [cameraId]);

  const showOverlay = !hasVideo || phase !== 'live';
  const busy = phase === 'connecting' || phase === 'reconnecting' || (phase === 'live' && !hasVideo);
  const tone =
    FINAL_PHASES.has(phase) || phase === 'error' || phase === 'offline'
      ? 'rgba(60,0,0,0.72)'
      : 'rgba(0,0,0,0.55)';
  return (
    <Box
      ref={rootRef}
      data-testid="live-player"
      data-camera={cameraId}
      data-phase={phase}
      data-video={hasVideo ? 'yes' : 'no'}
      sx={{ position: 'relative', width: '100%', height: '100%', bgcolor: '#111', overflow: 'hidden' }}
    >
      <canvas
        ref={canvasRef}
        width={640}
        height={360}
        data-testid="live-canvas"
        style={{ width: '100%', height: '100%', objectFit: 'contain', display: 'block' }}
      />
      {showOverlay ? (
        <Stack
          role="status"
          data-testid="live-overlay"
          sx={{
            position: 'absolute',
            inset: 0,
            alignItems: 'center',
            justifyContent: 'center',
            gap: 1,
            p: 1,
            color: '#fff',
            bgcolor: tone,
            textAlign: 'center',
          }}
        >
          {busy ? <CircularProgress size={compact ? 18 : 28} sx={{ color: '#fff' }} /> : null}
          <Typography variant={compact ? 'caption' : 'body2'} sx={{ fontWeight: 600 }}>
            {t(PHASE_TEXT[phase])}
          </Typography>
          {message && (phase === 'error' || phase === 'offline') ? (
            <Typography
              variant="caption"
              sx={{ opacity: 0.85, wordBreak: 'break-word' }}
              data-testid="live-message"
            >
              {message}
            </Typography>
          ) : null}
        </Stack>
      ) : null}
    </Box>
  );
}
