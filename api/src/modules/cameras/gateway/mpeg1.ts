/**
 * The raw MPEG-1 video elementary stream ffmpeg writes (`-f mpeg1video`), as jsmpeg reads it: start codes
 * 00 00 01 xx, a sequence header (B3) before every group of pictures (ffmpeg writes one at each key frame),
 * a picture start code (00) per frame.
 */

/** The 8-byte header jsmpeg's WebSocket client expects first: `jsmp`, width and height as uint16 big-endian. */
export function jsmpHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(8);
  b.write('jsmp', 0, 'latin1');
  b.writeUInt16BE(width, 4);
  b.writeUInt16BE(height, 6);
  return b;
}

const SEQUENCE_HEADER = 0xb3;
const PICTURE = 0x00;

/**
 * Follows the stream chunk by chunk (start codes may straddle chunks): counts pictures and keeps the current
 * group of pictures from its sequence header, so that a new viewer can be sent it and show a frame at once.
 */
export class Mpeg1Tracker {
  /** Pictures seen since the start. */
  pictures = 0;
  bytes = 0;
  /** Chunks of the current GOP, beginning with a sequence header; empty until the first one. */
  private gop: Buffer[] = [];
  private gopBytes = 0;
  /** The last 3 bytes of the previous chunk (a start code split across chunks). */
  private tail = Buffer.alloc(0);

  constructor(private readonly maxGopBytes = 8 * 1024 * 1024) {}

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    const joined = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    const offset = this.tail.length; // joined[offset] is chunk[0]
    let seqAt = -1; // the last sequence header in `joined`
    for (let i = joined.indexOf(0x00); i !== -1 && i + 3 < joined.length; i = joined.indexOf(0x00, i + 1)) {
      if (joined[i + 1] !== 0x00 || joined[i + 2] !== 0x01) continue;
      const code = joined[i + 3];
      if (code === PICTURE) this.pictures++;
      else if (code === SEQUENCE_HEADER) seqAt = i;
    }
    if (seqAt >= 0) {
      // The new GOP starts at seqAt, maybe within the previous chunk's tail.
      const start = seqAt - offset;
      const first = start < 0 ? joined.subarray(seqAt) : chunk.subarray(start);
      this.gop = [first];
      this.gopBytes = first.length;
    } else if (this.gop.length) {
      this.gop.push(chunk);
      this.gopBytes += chunk.length;
    }
    if (this.gopBytes > this.maxGopBytes) {
      // No key frame for too long: stop caching rather than hold an unbounded GOP.
      this.gop = [];
      this.gopBytes = 0;
    }
    this.tail = Buffer.from(joined.subarray(Math.max(0, joined.length - 3)));
  }

  /** The current GOP from its sequence header (empty before the first one). */
  currentGop(): Buffer {
    return this.gop.length === 1 ? this.gop[0]! : Buffer.concat(this.gop);
  }

  reset(): void {
    this.gop = [];
    this.gopBytes = 0;
    this.tail = Buffer.alloc(0);
  }
}
