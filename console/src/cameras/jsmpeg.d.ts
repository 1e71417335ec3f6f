// jsmpeg@1.0.0 ships no types: the part of its API the live player uses.
declare module 'jsmpeg' {
  interface JsmpegOptions {
    canvas?: HTMLCanvasElement;
    /** Draw with a 2D context instead of WebGL (no WebGL context per tile; a wall of 16 would exceed the limit). */
    forceCanvas2D?: boolean;
    autoplay?: boolean;
    ondecodeframe?: (player: Jsmpeg, canvas: HTMLCanvasElement) => void;
  }
  class Jsmpeg {
    /** Given a WebSocket, it takes over its onopen/onmessage and decodes the MPEG-1 it receives. */
    constructor(source: WebSocket | string, options?: JsmpegOptions);
    client: WebSocket | null;
    width: number;
    height: number;
    /** Closes the socket. */
    stop(): void;
  }
  export default Jsmpeg;
}
