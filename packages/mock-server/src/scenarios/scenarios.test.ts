import { describe, expect, it } from 'vitest';
import {
  expectErrorResponse,
  isTokenChunk,
  postChat,
  readStream,
  sseEvents,
  user,
  useSimulator,
} from '../testing/harness.ts';

const simulator = useSimulator();
const echo = (text = 'Tell me a story about a lighthouse keeper and the sea') => ({
  model: 'parley/echo',
  messages: [user(text)],
});
const streamed = (text?: string) => ({ ...echo(text), stream: true });
const scenario = (value: string) => ({ 'x-parley-scenario': value });

describe('HTTP failures', () => {
  it('answers rate-limit with 429 and a Retry-After header a browser can read', async () => {
    const response = await postChat(simulator().baseURL, echo(), scenario('rate-limit;retry-after=7'));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
    const body = await response.json();
    expectErrorResponse(body);
    expect(body.error.type).toBe('rate_limit_error');
  });

  it('defaults Retry-After to one second', async () => {
    const response = await postChat(simulator().baseURL, echo(), scenario('rate-limit'));
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('sends Retry-After on a timeout only when the scenario gives one', async () => {
    const plain = await postChat(simulator().baseURL, echo(), scenario('upstream-timeout'));
    expect(plain.status).toBe(524);
    expect(plain.headers.get('retry-after')).toBeNull();
    const told = await postChat(simulator().baseURL, echo(), scenario('timeout;retry-after=3'));
    expect(told.status).toBe(408);
    expect(told.headers.get('retry-after')).toBe('3');
  });

  it('fails only the first N requests that carry the same key, then succeeds', async () => {
    const header = scenario('unavailable;times=2;key=first-two');
    const statuses = [];
    for (let index = 0; index < 4; index++)
      statuses.push((await postChat(simulator().baseURL, echo(), header)).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
  });

  it('counts each key on its own', async () => {
    const a = await postChat(simulator().baseURL, echo(), scenario('server-error;times=1;key=a'));
    const b = await postChat(simulator().baseURL, echo(), scenario('server-error;times=1;key=b'));
    const a2 = await postChat(simulator().baseURL, echo(), scenario('server-error;times=1;key=a'));
    expect([a.status, b.status, a2.status]).toEqual([500, 500, 200]);
  });

  it('reads the scenario from metadata.parley_scenario as well as the header', async () => {
    const response = await postChat(simulator().baseURL, {
      ...echo(),
      metadata: { parley_scenario: 'bad-gateway' },
    });
    expect(response.status).toBe(502);
  });

  it('refuses an unknown scenario with a 400 naming the header', async () => {
    const response = await postChat(simulator().baseURL, echo(), scenario('rate-limt'));
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.error.param).toBe('x-parley-scenario');
    expect(body.error.message).toContain('rate-limit');
  });

  it('refuses an unknown scenario parameter', async () => {
    const response = await postChat(simulator().baseURL, echo(), scenario('rate-limit;retry=3'));
    expect(response.status).toBe(400);
  });

  it('uses a custom error message when given one', async () => {
    const response = await postChat(simulator().baseURL, echo(), scenario('server-error;message=Boom today'));
    expect((await response.json()).error.message).toBe('Boom today');
  });
});

describe('stream interruptions', () => {
  it('sends an error chunk after exactly N tokens, then ends without [DONE]', async () => {
    const response = await postChat(simulator().baseURL, streamed(), scenario('error-mid-stream;after=4'));
    const { chunks, done } = await readStream(response);
    const last = chunks.at(-1);
    expect(chunks.filter(isTokenChunk)).toHaveLength(4);
    expect(last?.error?.message).toContain('mid-stream');
    expect(last?.choices[0]?.finish_reason).toBe('error');
    expect(done).toBe(false);
  });

  it('drops the connection after N tokens', async () => {
    const response = await postChat(simulator().baseURL, streamed(), scenario('drop;after=3'));
    const { chunks, done, failure } = await readStream(response);
    expect(chunks.filter(isTokenChunk)).toHaveLength(3);
    expect(failure).toBeInstanceOf(Error);
    expect(done).toBe(false);
  });

  it('cuts a non-streamed request before any response arrives', async () => {
    await expect(postChat(simulator().baseURL, echo(), scenario('drop'))).rejects.toThrow();
  });

  it('sends keep-alive comments before the first token of a slow start', async () => {
    const response = await postChat(simulator().baseURL, streamed(), scenario('slow-start;ms=600'));
    const events = [];
    for await (const event of sseEvents(response)) {
      events.push(event);
      if (event.kind === 'chunk') break;
    }
    const comments = events.filter((event) => event.kind === 'comment');
    expect(comments.length).toBeGreaterThanOrEqual(3);
    expect(
      comments.every((event) => event.kind === 'comment' && event.text === 'OPENROUTER PROCESSING'),
    ).toBe(true);
  });

  it('stalls after N tokens and never finishes, until the client gives up', async () => {
    const controller = new AbortController();
    const response = await postChat(
      simulator().baseURL,
      streamed(),
      scenario('stall;after=2'),
      controller.signal,
    );
    const tokens: unknown[] = [];
    const reading = (async () => {
      for await (const event of sseEvents(response))
        if (event.kind === 'chunk' && isTokenChunk(event.chunk)) tokens.push(event);
    })();
    // Enough for the rest of an unpaced stream to arrive, were it coming.
    await new Promise((resolve) => setTimeout(resolve, 150));
    controller.abort();
    await expect(reading).rejects.toThrow();
    expect(tokens).toHaveLength(2);
    expect((await postChat(simulator().baseURL, echo())).status).toBe(200);
  });
});

describe('hold and release', () => {
  const release = (id: string) =>
    fetch(`${simulator().baseURL}/_parley/release?id=${id}`, { method: 'POST' });
  const waitForHold = async (id: string) => {
    for (;;) {
      const held: { data: { id: string }[] } = await (
        await fetch(`${simulator().baseURL}/_parley/holds`)
      ).json();
      if (held.data.some((entry) => entry.id === id)) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  /** Reads a stream's events: `until(n)` reads on to its nth token; `toEnd()` says whether it ended with [DONE]. */
  const tokensOf = (response: Response) => {
    const events = sseEvents(response);
    const read = {
      tokens: 0,
      events,
      async until(count: number) {
        while (read.tokens < count) {
          const { value } = await events.next();
          if (value?.kind === 'chunk' && isTokenChunk(value.chunk)) read.tokens++;
        }
      },
      async toEnd() {
        let done = false;
        for await (const event of events) if (event.kind === 'done') done = true;
        return done;
      },
    };
    return read;
  };

  it('pauses after N tokens until released, then finishes', async () => {
    const stream = tokensOf(await postChat(simulator().baseURL, streamed(), scenario('hold;id=h1;after=2')));
    await stream.until(2);
    const held = await (await fetch(`${simulator().baseURL}/_parley/holds`)).json();
    expect(held.data).toContainEqual({ id: 'h1', streams: 1 });
    expect(await (await release('h1')).json()).toEqual({ id: 'h1', released: 1 });
    expect(await stream.toEnd()).toBe(true);
  });

  it('keeps a release that comes before the hold, so the stream passes straight through', async () => {
    expect((await (await release('early')).json()).released).toBe(0);
    const response = await postChat(simulator().baseURL, streamed(), scenario('hold;id=early;after=1'));
    expect((await readStream(response)).done).toBe(true);
  });

  it('forgets a banked release on reset, so it cannot let the stream of a later test through', async () => {
    await release('stale');
    await fetch(`${simulator().baseURL}/_parley/reset`, { method: 'POST' });
    const pending = postChat(simulator().baseURL, echo(), scenario('hold;id=stale'));
    await waitForHold('stale');
    expect(await (await release('stale')).json()).toEqual({ id: 'stale', released: 1 });
    expect((await pending).status).toBe(200);
  });

  it('pauses again every step=N tokens after each release', async () => {
    const response = await postChat(
      simulator().baseURL,
      streamed('one two three four five six'),
      scenario('hold;id=steps;after=1;step=2'),
    );
    const stream = tokensOf(response);
    for (const target of [1, 3, 5]) {
      await stream.until(target);
      await waitForHold('steps');
      await release('steps');
    }
    await stream.until(7);
    await waitForHold('steps');
    expect(stream.tokens).toBe(7);
    await stream.events.return(undefined);
  });

  it('pauses at each hold of a list in turn, each until its own release', async () => {
    const response = await postChat(
      simulator().baseURL,
      streamed('one two three four five six'),
      scenario('hold;id=early-pause;after=1,hold;id=later-pause;after=4'),
    );
    const stream = tokensOf(response);
    await stream.until(1);
    await waitForHold('early-pause');
    const held = await (await fetch(`${simulator().baseURL}/_parley/holds`)).json();
    expect(held.data).not.toContainEqual(expect.objectContaining({ id: 'later-pause' }));
    expect(await (await release('early-pause')).json()).toEqual({ id: 'early-pause', released: 1 });
    await stream.until(4);
    await waitForHold('later-pause');
    expect(stream.tokens).toBe(4);
    expect(await (await release('later-pause')).json()).toEqual({ id: 'later-pause', released: 1 });
    expect(await stream.toEnd()).toBe(true);
  });

  it('holds the second pause of a list until released, with the first already passed', async () => {
    const response = await postChat(
      simulator().baseURL,
      streamed('one two three four five six'),
      scenario('hold;id=first-pause;after=1,hold;id=second-pause;after=3'),
    );
    await release('first-pause');
    const stream = tokensOf(response);
    await stream.until(3);
    await waitForHold('second-pause');
    expect(stream.tokens).toBe(3);
    expect(await (await release('second-pause')).json()).toEqual({ id: 'second-pause', released: 1 });
    expect(await stream.toEnd()).toBe(true);
  });

  it('holds a non-streamed request until released', async () => {
    const pending = postChat(simulator().baseURL, echo(), scenario('hold;id=json'));
    await waitForHold('json');
    await release('json');
    expect((await pending).status).toBe(200);
  });
});

describe('standing scenario API', () => {
  const control = (method: string, body?: unknown) =>
    fetch(`${simulator().baseURL}/_parley/scenario`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('applies a scenario to every request until it is cleared', async () => {
    await control('POST', { scenario: 'unavailable' });
    expect((await (await control('GET')).json()).scenario).toBe('unavailable');
    expect((await postChat(simulator().baseURL, echo())).status).toBe(503);
    await control('DELETE');
    expect((await postChat(simulator().baseURL, echo())).status).toBe(200);
  });

  it('refuses to stand an unknown scenario', async () => {
    expect((await control('POST', { scenario: 'nonsense' })).status).toBe(400);
  });
});

describe('pace', () => {
  // A minute per token: only a working `pace` lets these finish within the test timeout.
  const slow = useSimulator({ tokenDelayMs: 60_000 });

  it('lets one request run at its own pace with none;pace=0', async () => {
    const response = await postChat(slow().baseURL, streamed(), scenario('none;pace=0'));
    expect((await readStream(response)).done).toBe(true);
  });

  it('applies pace alongside another scenario', async () => {
    const response = await postChat(slow().baseURL, streamed(), scenario('error-mid-stream;after=3;pace=0'));
    expect((await readStream(response)).chunks.filter(isTokenChunk)).toHaveLength(3);
  });
});
