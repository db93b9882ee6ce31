// What every implementation in the side-by-side is fed: the same prior messages, the same 2,000
// tokens at the same pace, and the counters the benchmark reads.

/** Tokens in the streamed reply. */
export const TOKEN_COUNT = 2000;
/** One token every 10 ms: 100 tokens a second, a fast provider. */
export const PACED_MS = 10;

// ` w123` words, every tenth in bold, a paragraph break every forty: markdown a reply really has,
// and a number per token so the page can tell which token is on screen.
export const TOKENS = Array.from({ length: TOKEN_COUNT }, (_, index) => {
  const word = index % 10 === 5 ? ` **w${index}**` : ` w${index}`;
  return index % 40 === 39 ? `${word}.\n\n` : word;
});

/** The text of prior message `index`; every one starts with "Prior" so its renders can be counted. */
export function priorText(index: number): string {
  return index % 2 === 0
    ? `Prior question ${index}?`
    : `Prior answer ${index}: it **depends**; see [the docs](https://example.com/${index}) and \`code\`.`;
}

export const counters = { settledRenders: 0 };
/** When each token was handed to the implementation (performance.now()). */
export const emitted: number[] = [];
export const feed = { mode: 'fast' as 'fast' | 'paced' };

/** Counts a render of a message that was there before the reply: work a token should not cause. */
export function countRender(text: string): void {
  if (text.startsWith('Prior')) counters.settledRenders++;
}

/** A task of its own (queued from an animation frame callback, it runs once that frame is painted). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Hands out the tokens, each in its own task: back to back (`fast`) or every PACED_MS (`paced`). */
export async function pump(emit: (text: string) => void): Promise<void> {
  for (let index = 0; index < TOKEN_COUNT; index++) {
    if (feed.mode === 'fast') await nextTask();
    else await new Promise((resolve) => setTimeout(resolve, PACED_MS));
    emitted[index] = performance.now();
    emit(TOKENS[index] ?? '');
  }
}

/** A fetch answering with an SSE stream: `head` events, one event per token, then `tail` events. */
export function sseFetch(
  head: object[],
  delta: (text: string) => object,
  tail: string[],
  headers = {},
): typeof fetch {
  return async () => {
    const encoder = new TextEncoder();
    const event = (data: object | string) =>
      encoder.encode(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const data of head) controller.enqueue(event(data));
        await pump((text) => controller.enqueue(event(delta(text))));
        for (const data of tail) controller.enqueue(event(JSON.parse(data) as object));
        controller.enqueue(event('[DONE]'));
        controller.close();
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream', ...headers } });
  };
}

/** An implementation: mounted into a container with `prior` messages, then asked to stream a reply. */
export interface Implementation {
  /** `ready`, when given, says when the full UI is there (Parley's connected UI first draws a preview). */
  mount(container: HTMLElement, prior: number): { send(): void; ready?: () => boolean; unmount(): void };
}
