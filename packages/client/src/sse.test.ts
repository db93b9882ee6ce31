import { describe, expect, it } from 'vitest';
import { ParleyParseError } from './errors.ts';
import { BodyReader, createEventDecoder, DONE, readBody, toChunk } from './sse.ts';

interface ServerSentEvent {
  event?: string | undefined;
  data: string;
  id?: string | undefined;
}

const encoder = new TextEncoder();

function bodyOf(
  pieces: Array<string | number[]>,
  onCancel?: (reason: unknown) => void,
): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[next++];
      if (piece === undefined) controller.close();
      else controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : new Uint8Array(piece));
    },
    ...(onCancel ? { cancel: onCancel } : {}),
  });
}

/** Reads a body to its end as the client's stream does: a {@link BodyReader} feeding the decoder. */
async function collect(body: ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  const decoder = createEventDecoder((event) => events.push(event));
  const source = new BodyReader(body, signal);
  try {
    for (;;) {
      const result = await readBody(source);
      if (result.done) {
        decoder.end();
        return events;
      }
      decoder.push(result.value);
    }
  } finally {
    source.close();
  }
}

describe('decoding a body into events', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('reads events separated by %s line ends', async (_, eol) => {
    const text = `data: one${eol}${eol}data: two${eol}${eol}`;
    expect(await collect(bodyOf([text]))).toEqual([{ data: 'one' }, { data: 'two' }]);
  });

  it('treats a CR that ends the stream as a complete line end', async () => {
    expect(await collect(bodyOf(['data: last\r', '\r']))).toEqual([{ data: 'last' }]);
  });

  it('does not mistake a CRLF split across reads for two line ends', async () => {
    const events = await collect(bodyOf(['data: a\r', '\ndata: b\r', '\n\r', '\n']));
    expect(events).toEqual([{ data: 'a\nb' }]);
  });

  it('skips comments anywhere, including between the data lines of one event', async () => {
    const text = ': OPENROUTER PROCESSING\n\ndata: a\n: keep-alive\ndata: b\n\n:\n\n';
    expect(await collect(bodyOf([text]))).toEqual([{ data: 'a\nb' }]);
  });

  it('joins multi-line data with line feeds', async () => {
    expect(await collect(bodyOf(['data: {"a":\ndata: 1}\n\n']))).toEqual([{ data: '{"a":\n1}' }]);
  });

  it('drops a leading byte order mark, even when it arrives one byte per read', async () => {
    expect(await collect(bodyOf([[0xef], [0xbb], [0xbf], 'data: x\n\n']))).toEqual([{ data: 'x' }]);
  });

  it('decodes UTF-8 characters split across reads', async () => {
    const bytes = Array.from(encoder.encode('data: é日👋\n\n'));
    const pieces = bytes.map((byte) => [byte]);
    expect(await collect(bodyOf(pieces))).toEqual([{ data: 'é日👋' }]);
  });

  it('takes only the exact field name data as data', async () => {
    const text = 'Data: A\n data: B\nDATA: C\ndata: D\n\nDATA: alone\n\n';
    expect(await collect(bodyOf([text]))).toEqual([{ data: 'D' }]);
  });

  it('reads a bare data line as an empty line of the payload', async () => {
    expect(await collect(bodyOf(['data: a\ndata\ndata: b\n\ndata\n\ndata:\n\n']))).toEqual([
      { data: 'a\n\nb' },
      { data: '' },
      { data: '' },
    ]);
  });

  it('keeps event types and ids', async () => {
    const events = await collect(bodyOf(['event: ping\nid: 4\ndata: {}\n\n']));
    expect(events).toEqual([{ event: 'ping', id: '4', data: '{}' }]);
  });

  it('discards an event cut off before its blank line, as the standard says', async () => {
    expect(await collect(bodyOf(['data: complete\n\ndata: cut off\n']))).toEqual([{ data: 'complete' }]);
  });

  it('rejects with the abort reason and cancels the body when the signal aborts', async () => {
    const controller = new AbortController();
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(encoder.encode('data: first\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const reason = new Error('stop');
    const source = new BodyReader(body, controller.signal);
    const first = await readBody(source);
    expect(new TextDecoder().decode(first.value)).toBe('data: first\n\n');
    const pending = readBody(source);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await expect(readBody(source)).rejects.toBe(reason);
    expect(cancelled).toBe(true);
  });

  it('cancels the body when the consumer stops early', async () => {
    let cancelled = false;
    const body = bodyOf(['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n'], () => {
      cancelled = true;
    });
    const source = new BodyReader(body);
    await readBody(source);
    source.close();
    expect(cancelled).toBe(true);
  });

  it('leaves a body read to its end alone when closed', async () => {
    let cancelled = false;
    const source = new BodyReader(
      bodyOf(['data: 1\n\n'], () => {
        cancelled = true;
      }),
    );
    while (!(await readBody(source)).done);
    source.close();
    expect(cancelled).toBe(false);
  });
});

describe('toChunk', () => {
  it('parses JSON data into a chunk', () => {
    expect(toChunk({ data: '{"id":"a","choices":[]}' })).toEqual({ id: 'a', choices: [] });
  });

  it('recognises [DONE]', () => {
    expect(toChunk({ data: '[DONE]' })).toBe(DONE);
    expect(toChunk({ data: ' [DONE] ' })).toBe(DONE);
  });

  it('accepts the explicit message type and ignores other event types', () => {
    expect(toChunk({ event: 'message', data: '{}' })).toEqual({});
    expect(toChunk({ event: 'ping', data: 'not json' })).toBeUndefined();
  });

  it('throws a parse error for data that is not JSON, keeping the start of the data', () => {
    const error = (() => {
      try {
        toChunk({ data: `{"truncated": ${'x'.repeat(500)}` });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ParleyParseError);
    expect((error as ParleyParseError).kind).toBe('parse');
    expect((error as ParleyParseError).data).toHaveLength(200);
  });

  it('skips an event with no data instead of parsing it', () => {
    for (const data of ['', ' ', '\n']) expect(toChunk({ data })).toBeUndefined();
  });

  it('turns an error event into a chunk carrying its error, whatever shape the payload has', () => {
    const body = { code: 'overloaded', message: 'Overloaded' };
    for (const [data, error] of [
      [JSON.stringify({ error: body }), body],
      [
        JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
        { type: 'overloaded_error', message: 'Overloaded' },
      ],
      [JSON.stringify(body), body],
      ['upstream timed out', { code: 'error', message: 'upstream timed out' }],
      ['', { code: 'error', message: '' }],
    ] as const) {
      expect(toChunk({ event: 'error', data })).toEqual({ error });
    }
  });

  it('reads reasoning_content as reasoning, without overriding a reasoning field', () => {
    const chunk = toChunk({
      data: '{"choices":[{"index":0,"delta":{"reasoning_content":"a"}},{"index":1,"delta":{"reasoning":"b","reasoning_content":"c"}}]}',
    });
    expect(typeof chunk === 'object' && chunk.choices.map((choice) => choice.delta.reasoning)).toEqual([
      'a',
      'b',
    ]);
  });

  it('redacts a secret from a parse error before cutting the data to 200 characters', () => {
    const secret = 'sk-0123456789abcdef0123456789abcdef';
    let error: unknown;
    try {
      toChunk({ data: `${'x'.repeat(190)}${secret}` }, secret);
    } catch (caught) {
      error = caught;
    }
    expect((error as ParleyParseError).data).toBe(`${'x'.repeat(190)}[redacted]`);
    expect(String((error as ParleyParseError).cause)).not.toContain('sk-01234');
  });

  it('throws a parse error for JSON that is not an object', () => {
    expect(() => toChunk({ data: '42' })).toThrow(ParleyParseError);
    expect(() => toChunk({ data: '[1]' })).toThrow(ParleyParseError);
  });
});
