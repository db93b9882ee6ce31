import {
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionNonStreamingParams,
  createParleyClient,
} from '@parley/client';
import { createSimulator, type Simulator } from '@parley/mock-server';
import { createSimulatorFetch } from '@parley/mock-server/browser';

type Body = Omit<ChatCompletionNonStreamingParams, 'stream'>;

/** A client on an in-page simulator: stories and tests get real answers without a server. */
export function simulatedClient(tokenDelayMs = 0, simulator: Simulator = createSimulator({ tokenDelayMs })) {
  return createParleyClient({
    baseURL: 'https://parley.local/api/v1',
    fetch: createSimulatorFetch({ simulator }),
    maxRetries: 0,
  });
}

/** The simulator's JSON answer to `body` (a story loader's data). */
export function simulatedCompletion(body: Body): Promise<ChatCompletion> {
  return simulatedClient().chat.completions.create({ ...body, stream: false });
}

/**
 * Streams the simulator's answer to `body`, calling `onChunk` for each chunk as it arrives with the
 * completion assembled so far, and resolves with the whole completion.
 */
export async function streamSimulated(
  body: Body,
  onChunk: (chunk: ChatCompletionChunk, completion: ChatCompletion) => void,
  {
    tokenDelayMs = 12,
    signal,
    simulator,
  }: { tokenDelayMs?: number; signal?: AbortSignal; simulator?: Simulator } = {},
): Promise<ChatCompletion> {
  const stream = await simulatedClient(tokenDelayMs, simulator).chat.completions.create(
    { ...body, stream: true },
    signal ? { signal } : {},
  );
  for await (const chunk of stream) onChunk(chunk, stream.currentCompletion());
  return stream.finalCompletion();
}
