/** One Server-Sent Event: its type (`message` when the server named none) and its data lines joined by "\n". */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

export interface SseParser {
  /** Feed the next decoded piece of the stream (pieces may cut lines anywhere, even between \r and \n). */
  push(chunk: string): void;
  /** The stream ended: an event without its closing blank line is dropped (as the specification says). */
  end(): void;
}

/**
 * The text/event-stream format (WHATWG HTML § 9.2): lines end with \n, \r\n or \r; `field: value` (one space after
 * the colon is dropped); lines starting with ":" are comments (keep-alive pings); a blank line dispatches the event
 * gathered so far, unless it has no data.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let buffer = '';
  let pendingCr = false;
  let eventType = '';
  let data: string[] = [];
  let lastId: string | undefined;

  const dispatch = () => {
    if (data.length > 0) {
      onEvent({
        event: eventType || 'message',
        data: data.join('\n'),
        ...(lastId !== undefined ? { id: lastId } : {}),
      });
    }
    eventType = '';
    data = [];
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventType = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    // `retry` and unknown fields: ignored (the caller decides when to reconnect)
  };

  return {
    push(chunk: string) {
      let text = chunk;
      // a \r at the end of the previous piece already ended its line: skip the \n that completes the pair
      if (pendingCr && text.startsWith('\n')) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        line(buffer.slice(start, i));
        if (c === '\r') {
          if (i + 1 < buffer.length) {
            if (buffer[i + 1] === '\n') i++;
          } else pendingCr = true;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    end() {
      buffer = '';
      eventType = '';
      data = [];
      pendingCr = false;
    },
  };
}
