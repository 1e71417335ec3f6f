import type { CameraStateValue } from './cameras.schemas.ts';

/** What the stream gateway and the snapshot/health checks tell the registry about a camera's feed. */
export interface StatusReport {
  state: CameraStateValue;
  /** ffmpeg's or the probe's message, when offline or in error. */
  message?: string | null;
  lastFrameAt?: Date | null;
  bitrateKbps?: number | null;
  fps?: number | null;
}

/**
 * Records a camera's live state: a change of state is stored as an event (the outage history) and pushed to
 * subscribed consoles at once; metrics alone (frame time, bitrate, fps) are stored at most every few seconds.
 * Never throws: a failed write is logged.
 */
export interface CameraStatusSink {
  report(cameraId: string, report: StatusReport): void;
}

/** The feed of one camera, its credentials put into the URL; only the gateway and the snapshotter see it. */
export interface CameraSource {
  id: string;
  url: string;
  enabled: boolean;
}

export interface LiveStats {
  viewers: number;
  transcoding: boolean;
}

/** The live-stream gateway, as the registry sees it. */
export interface LiveStreams {
  stats(cameraId: string): LiveStats;
  /** The camera was disabled, deleted or readdressed: close its viewers (code 4410) and stop its transcoder. */
  stop(cameraId: string): void;
  /** Transcoders running now. */
  transcoders(): number;
}
