/**
 * Streams 2,000 tokens into conversations of 10, 100 and 1,000 messages through the chat store
 * (client, reducer, batching) and reports the main-thread time per token for each size. A token
 * must cost the same whatever the conversation's length: see bench/README.md, "chat-stream".
 *
 *   pnpm exec tsx --conditions=source bench/chat-stream.bench.ts
 */

import { createParleyClient } from '@parley/client';
import { type ChatMessage, type ChatScheduler, createChatStore } from '@parley/client/chat';
// The reducer is internal to the chat core: the bench times it from its source, not the public API.
import type { ChatEvent } from '../packages/client/src/chat/chat-events.ts';
import { createInitialChatState } from '../packages/client/src/chat/chat-state.ts';
import { reduceChat } from '../packages/client/src/chat/reduce-chat.ts';

const TOKENS = 2_000;
const SIZES = [10, 100, 1_000];
const RUNS = 7;
// A network read carries several SSE events when tokens come fast; 16 is typical of a fast provider.
const EVENTS_PER_READ = 16;

const encoder = new TextEncoder();

function history(size: number): ChatMessage[] {
  return Array.from({ length: size }, (_, index) => ({
    id: `m${index}`,
    role: index % 2 === 0 ? 'user' : 'assistant',
    parts: [{ type: 'text', text: `Earlier message number ${index}, long enough to be a real sentence.` }],
    createdAt: index,
    status: 'complete',
  }));
}

function event(content: string, finish: string | null = null): string {
  const chunk = {
    id: 'gen-bench',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'bench/model',
    provider: 'Bench',
    choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** The reply as network reads: `perRead` events each, with a macrotask between reads when `paced`. */
function replyFetch(perRead: number, paced: boolean): typeof fetch {
  const events = Array.from({ length: TOKENS }, (_, index) => event(index === 0 ? 'Token' : ' token'));
  events.push(event('', 'stop'), 'data: [DONE]\n\n');
  const reads: Uint8Array[] = [];
  for (let index = 0; index < events.length; index += perRead) {
    reads.push(encoder.encode(events.slice(index, index + perRead).join('')));
  }
  return (async () => {
    let position = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (paced) await new Promise((resolve) => setImmediate(resolve));
        const read = reads[position++];
        if (read) controller.enqueue(read);
        else controller.close();
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  }) as typeof fetch;
}

interface Sample {
  cpuMicros: number;
  flushes: number;
}

/** One reply through a store holding `size` messages; CPU time of the process while it streams. */
async function streamOnce(size: number, perRead: number, paced: boolean): Promise<Sample> {
  let flushes = 0;
  // Flushes between reads, like the frame scheduler in a tab where every read lands in its own frame.
  const scheduler: ChatScheduler = (flush) =>
    setImmediate(() => {
      flushes += 1;
      flush();
    });
  const store = createChatStore({
    client: createParleyClient({ baseURL: 'http://bench.invalid/api/v1', fetch: replyFetch(perRead, paced) }),
    model: 'bench/model',
    initialMessages: history(size),
    scheduler,
  });
  // A subscriber per message, as memoised rows with useChatMessage have, and one for the list.
  let reads = 0;
  for (const id of store.getState().messageIds) {
    store.subscribeMessage(id, () => {
      reads += store.getState().messagesById[id] ? 1 : 0;
    });
  }
  store.subscribe((state) => {
    reads += state.messageIds.length;
  });
  const start = process.cpuUsage();
  await store.send('Go');
  const used = process.cpuUsage(start);
  const reply = store.getState().messagesById[store.getState().messageIds.at(-1) ?? ''];
  if (reply?.status !== 'complete' || reads === 0) throw new Error(`The reply ended ${reply?.status}`);
  return { cpuMicros: used.user + used.system, flushes };
}

/** The reducer alone: each token its own event and state (no batching at all). */
function reduceOnce(size: number): number {
  let state = reduceChat(createInitialChatState(history(size)), {
    type: 'request-start',
    messageId: 'r',
    at: 0,
  });
  const start = process.cpuUsage();
  for (let index = 0; index < TOKENS; index++) {
    const delta: ChatEvent = { type: 'text-delta', messageId: 'r', text: ' token', at: index };
    state = reduceChat(state, delta);
  }
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const perToken = (micros: number) => (micros / TOKENS).toFixed(2);

async function main() {
  const rows: Record<string, string | number>[] = [];
  // Warm every path up first, so the first size does not pay for the JIT.
  for (const size of SIZES) {
    await streamOnce(size, EVENTS_PER_READ, false);
    await streamOnce(size, 1, true);
    reduceOnce(size);
  }
  for (const size of SIZES) {
    const fast: Sample[] = [];
    const paced: Sample[] = [];
    const slow: Sample[] = [];
    const reducer: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      fast.push(await streamOnce(size, EVENTS_PER_READ, false));
      paced.push(await streamOnce(size, EVENTS_PER_READ, true));
      slow.push(await streamOnce(size, 1, true));
      reducer.push(reduceOnce(size));
    }
    rows.push({
      messages: size,
      'store, reads as fast as they come (µs/token)': perToken(
        median(fast.map((sample) => sample.cpuMicros)),
      ),
      'store, 16 tokens per read and frame (µs/token)': perToken(
        median(paced.map((sample) => sample.cpuMicros)),
      ),
      'store, 1 token per read and frame (µs/token)': perToken(
        median(slow.map((sample) => sample.cpuMicros)),
      ),
      'flushes (1 token per read)': median(slow.map((sample) => sample.flushes)),
      'reducer, 1 state per token (µs/token)': perToken(median(reducer)),
    });
  }
  console.log(
    `chat-stream: ${TOKENS} tokens into conversations of ${SIZES.join(', ')} messages, median of ${RUNS} runs (CPU time)`,
  );
  console.table(rows);
}

await main();
