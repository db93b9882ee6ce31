/**
 * Test support (not exported by the package): a real HTTP server on 127.0.0.1 with a random port,
 * so client tests cross a real socket, and a retry scheduler that records waits instead of waiting.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RetryScheduler } from '../retry.ts';

/** A request as the server saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Answers one request; `index` counts requests from 0, to script "fail, then succeed". */
export type TestHandler = (request: RecordedRequest, response: ServerResponse, index: number) => void;

/** A running test server. */
export interface TestServer {
  /** `http://127.0.0.1:PORT/api/v1` */
  baseURL: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1, port 0, answering with `handler`. */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const pieces: Buffer[] = [];
    req.on('data', (piece: Buffer) => pieces.push(piece));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(pieces).toString('utf8'),
      };
      requests.push(recorded);
      handler(recorded, res, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/api/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON response. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Opens an event stream and returns a function that writes one `data:` event. */
export function openEventStream(response: ServerResponse): (data: unknown) => void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  response.flushHeaders();
  return (data) => {
    response.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
  };
}

/** A chunk of choice 0 carrying `content`, and optionally a finish reason. */
export function contentChunk(content: string, finishReason: string | null = null): Record<string, unknown> {
  return {
    id: 'gen-test',
    object: 'chat.completion.chunk',
    created: 1764100000,
    model: 'parley/echo',
    choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: finishReason }],
  };
}

/** A scheduler whose sleeps resolve at once and are recorded, with a fixed clock and random source. */
export function createFakeScheduler(options: { now?: number; random?: number } = {}): RetryScheduler & {
  sleeps: number[];
} {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => options.now ?? 1_764_100_000_000,
    random: () => options.random ?? 0.5,
    sleep(ms, signal) {
      sleeps.push(ms);
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
  };
}

/** What `promise` rejects with; fails the test when it resolves instead. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
