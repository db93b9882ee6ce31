/**
 * A scripted network edge for the chat store's node tests: a `fetch` that answers each request
 * from a script, streaming SSE the way a server does (including holding mid-stream, dropping the
 * connection, and honouring the request's abort signal). Browser tests use the real simulator.
 */
import type { ChatCompletionChunk, ChatCompletionParams, ToolCallDelta, Usage } from '../../wire-types.ts';

/** One streamed item: a chunk, a pause until the promise settles, or a dropped connection. */
export type StreamItem = ChatCompletionChunk | Promise<unknown> | 'drop';

/** How the server answers one request. */
export type ScriptedReply = StreamItem[] | { status: number; body: unknown; headers?: Record<string, string> };

export interface ScriptedFetch {
  fetch: typeof fetch;
  /** Request bodies, in order. */
  requests: ChatCompletionParams[];
}

const encoder = new TextEncoder();

function streamOf(items: StreamItem[], signal: AbortSignal | null | undefined): ReadableStream<Uint8Array> {
  let position = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener('abort', () => {
        try {
          controller.error(new DOMException('The operation was aborted.', 'AbortError'));
        } catch {
          // already closed
        }
      });
    },
    async pull(controller) {
      const item = items[position++];
      if (item === undefined) {
        controller.enqueue(encoder.encode('data: [DONE]\n\n'));
        controller.close();
        return;
      }
      if (item === 'drop') {
        controller.error(new TypeError('network error'));
        return;
      }
      if (item instanceof Promise) {
        await item;
        return;
      }
      controller.enqueue(encoder.encode(`data: ${JSON.stringify(item)}\n\n`));
    },
  });
}

/** A fetch answering request `index` with `script(body, index)`. */
export function createScriptedFetch(script: (body: ChatCompletionParams, index: number) => ScriptedReply): ScriptedFetch {
  const requests: ChatCompletionParams[] = [];
  const scripted = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const body = JSON.parse(String(init?.body)) as ChatCompletionParams;
    requests.push(body);
    const reply = script(body, requests.length - 1);
    if (!Array.isArray(reply)) {
      return new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'content-type': 'application/json', ...reply.headers },
      });
    }
    return new Response(streamOf(reply, init?.signal), { headers: { 'content-type': 'text/event-stream' } });
  };
  return { fetch: scripted as typeof fetch, requests };
}

function chunk(delta: ChatCompletionChunk['choices'][number]['delta'], finish: ChatCompletionChunk['choices'][number]['finish_reason'] = null): ChatCompletionChunk {
  return {
    id: 'gen-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'test/model',
    provider: 'Test',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

/** Text tokens, one chunk each. */
export const text = (...tokens: string[]): ChatCompletionChunk[] => tokens.map((token) => chunk({ content: token }));

/** A chunk of reasoning text and details. */
export const reasoning = (
  token: string,
  details?: NonNullable<ChatCompletionChunk['choices'][number]['delta']['reasoning_details']>,
): ChatCompletionChunk => chunk(details ? { reasoning: token, reasoning_details: details } : { reasoning: token });

/** Whole tool calls in one chunk (index = position). */
export const toolCalls = (...calls: { id: string; name: string; args: string }[]): ChatCompletionChunk =>
  chunk({
    tool_calls: calls.map(
      (call, index): ToolCallDelta => ({
        index,
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: call.args },
      }),
    ),
  });

/** The closing chunk with a finish reason and usage. */
export const finish = (
  reason: NonNullable<ChatCompletionChunk['choices'][number]['finish_reason']>,
  usage: Usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
): ChatCompletionChunk => ({ ...chunk({}, reason), usage });

/** A controllable pause in a stream. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
