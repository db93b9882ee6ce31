/**
 * Test support (not exported): a simulator on 127.0.0.1 over real HTTP, request helpers, an SSE
 * reader that keeps comments, and validators from the spec's own schemas.
 */
import type { ChatCompletion, ChatCompletionChunk, ErrorBody } from '@parley/client';
import type { ErrorObject } from 'ajv';
import { afterAll, beforeAll } from 'vitest';
import { type NodeSimulatorOptions, type RunningSimulator, startSimulator } from '../node.ts';
import { specValidator } from '../validation/spec-validator.ts';
import { validateChunk } from './chunk-schema.ts';

/** Starts one simulator for the file (tokenDelayMs 0 unless given) and closes it after. */
export function useSimulator(options: NodeSimulatorOptions = {}): () => RunningSimulator {
  let running: RunningSimulator | undefined;
  beforeAll(async () => {
    running = await startSimulator({ host: '127.0.0.1', port: 0, tokenDelayMs: 0, ...options });
  });
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (!running) throw new Error('the simulator has not started');
    return running;
  };
}

export type Body = Record<string, unknown>;

export function postChat(
  baseURL: string,
  body: Body,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
) {
  return fetch(`${baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

export const user = (content: string) => ({ role: 'user' as const, content });

/** A streamed response read to its end: the comments, each chunk, and whether `[DONE]` came. */
export interface StreamTranscript {
  comments: string[];
  chunks: ChatCompletionChunk[];
  done: boolean;
  /** The read error when the connection was cut. */
  failure: unknown;
}

export async function readStream(response: Response): Promise<StreamTranscript> {
  const transcript: StreamTranscript = { comments: [], chunks: [], done: false, failure: undefined };
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const take = (block: string) => {
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) transcript.comments.push(line.slice(1).trim());
      else if (line === 'data: [DONE]') transcript.done = true;
      else if (line.startsWith('data: '))
        transcript.chunks.push(JSON.parse(line.slice(6)) as ChatCompletionChunk);
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        take(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  } catch (error) {
    transcript.failure = error;
  }
  return transcript;
}

/** The content, reasoning and tool-call arguments a stream carried, joined. */
export function joinStream(chunks: ChatCompletionChunk[]) {
  let content = '';
  let reasoning = '';
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  for (const chunk of chunks) {
    const delta = chunk.choices[0]?.delta;
    if (!delta) continue;
    content += delta.content ?? '';
    reasoning += delta.reasoning ?? '';
    for (const call of delta.tool_calls ?? []) {
      const entry = calls.get(call.index) ?? { id: '', name: '', arguments: '' };
      entry.id ||= call.id ?? '';
      entry.name ||= call.function?.name ?? '';
      entry.arguments += call.function?.arguments ?? '';
      calls.set(call.index, entry);
    }
  }
  return {
    content,
    reasoning,
    toolCalls: [...calls.entries()].sort((a, b) => a[0] - b[0]).map(([, call]) => call),
  };
}

function explain(errors: ErrorObject[] | null | undefined): string {
  return JSON.stringify(errors?.slice(0, 3) ?? []);
}

/** Throws with Ajv's errors unless the body matches the spec's `ChatResponse`. */
export function expectChatResponse(body: unknown): asserts body is ChatCompletion {
  const validate = specValidator('ChatResponse');
  if (!validate(body)) throw new Error(`not a ChatResponse: ${explain(validate.errors)}`);
}

/** Throws with Ajv's errors unless the body matches the spec's `ErrorResponse`. */
export function expectErrorResponse(body: unknown): asserts body is ErrorBody {
  const validate = specValidator('ErrorResponse');
  if (!validate(body)) throw new Error(`not an ErrorResponse: ${explain(validate.errors)}`);
}

/** Throws unless every chunk matches the documented chunk shape. */
export function expectChunks(chunks: unknown[]): void {
  for (const chunk of chunks) {
    if (!validateChunk(chunk))
      throw new Error(`bad chunk ${JSON.stringify(chunk)}: ${explain(validateChunk.errors)}`);
  }
}

export type SseEvent =
  | { kind: 'comment'; text: string }
  | { kind: 'chunk'; chunk: ChatCompletionChunk }
  | { kind: 'done' };

/** Reads a stream event by event, for tests that act in the middle of it. */
export async function* sseEvents(response: Response): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const value of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      if (block.startsWith(':')) yield { kind: 'comment', text: block.slice(1).trim() };
      else if (block === 'data: [DONE]') yield { kind: 'done' };
      else if (block.startsWith('data: '))
        yield { kind: 'chunk', chunk: JSON.parse(block.slice(6)) as ChatCompletionChunk };
    }
  }
}

/** Whether a chunk carries a token: content, reasoning, a summary fragment or tool-call arguments. */
export function isTokenChunk(chunk: ChatCompletionChunk): boolean {
  const delta = chunk.choices[0]?.delta;
  if (!delta) return false;
  return Boolean(
    delta.content ||
      delta.reasoning ||
      delta.reasoning_details?.some((detail) => detail.type === 'reasoning.summary') ||
      delta.tool_calls?.some((call) => call.function?.arguments),
  );
}
