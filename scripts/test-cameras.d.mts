/** Types of scripts/test-cameras.mjs (RTSP test cameras: GStreamer's RTSP server, one process per camera). */
export const PYTHON: string;

/** True when the system python can import GStreamer's RTSP server (checked once). */
export function gstreamerAvailable(): boolean;

export interface TestCameras {
  /** rtsp://127.0.0.1:<port>/live, one per camera. */
  urls: string[];
  ports: number[];
  /** The GStreamer processes' ids (null while a camera is stopped). */
  pids(): (number | null)[];
  /** Kills camera i: an outage. */
  stop(i: number): Promise<void>;
  /** Brings camera i back on the same port. */
  start(i: number): Promise<void>;
  close(): Promise<void>;
}

export function startTestCameras(options?: {
  count?: number;
  /** Cameras on basePort, basePort + 1, …; free ports when omitted. */
  basePort?: number;
  names?: string[];
}): Promise<TestCameras>;
