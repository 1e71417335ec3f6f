import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse';

function parse(chunks: string[]): SseEvent[] {
  const out: SseEvent[] = [];
  const p = createSseParser((e) => out.push(e));
  for (const c of chunks) p.push(c);
  p.end();
  return out;
}

describe('createSseParser', () => {
  it('reads named events and ignores comments', () => {
    const events = parse([
      ': ping\n\nevent: snapshot\ndata: {"items":[]}\n\nevent: status\ndata: {"a":1}\n\n',
    ]);
    expect(events).toEqual([
      { event: 'snapshot', data: '{"items":[]}' },
      { event: 'status', data: '{"a":1}' },
    ]);
  });

  it('joins several data lines and defaults the type to message', () => {
    expect(parse(['data: one\ndata:two\ndata\n\n'])).toEqual([{ event: 'message', data: 'one\ntwo\n' }]);
  });

  it('survives pieces cut anywhere, CRLF split between pieces, and lone CR', () => {
    const whole = 'event: status\r\ndata: {"cameraId":"x","state":"live"}\r\n\r\nevent: status\rdata: 2\r\r';
    for (let cut = 1; cut < whole.length; cut++) {
      const events = parse([whole.slice(0, cut), whole.slice(cut)]);
      expect(events, `cut at ${cut}`).toEqual([
        { event: 'status', data: '{"cameraId":"x","state":"live"}' },
        { event: 'status', data: '2' },
      ]);
    }
  });

  it('one character at a time', () => {
    const whole = 'event: snapshot\ndata: {"items":[1]}\n\n: ping\n\n';
    expect(parse([...whole])).toEqual([{ event: 'snapshot', data: '{"items":[1]}' }]);
  });

  it('drops an event without data and an event cut off by the end of the stream', () => {
    expect(parse(['event: status\n\nevent: status\ndata: late'])).toEqual([]);
  });

  it('keeps the space after the first one in a value, and the last id', () => {
    expect(parse(['id: 7\ndata:  two spaces\n\n'])).toEqual([
      { event: 'message', data: ' two spaces', id: '7' },
    ]);
  });
});
