import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimulatorOptions } from './options.ts';
import { createSimulator, type Simulator } from './simulator.ts';

/** Options of {@link startSimulator}: the simulator's, plus where to listen. */
export interface NodeSimulatorOptions extends SimulatorOptions {
  /** Default 127.0.0.1: the simulator is for this machine only unless you say otherwise. */
  host?: string | undefined;
  /** Default 8787; 0 picks a free port. */
  port?: number | undefined;
}

/** A simulator listening over HTTP. */
export interface RunningSimulator {
  /** The origin, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** `url` + `/api/v1`, what an OpenAI-compatible client takes as its base URL. */
  baseURL: string;
  /** Stops listening and cuts open connections, held and stalled streams included. */
  close(): Promise<void>;
  simulator: Simulator;
}

export const DEFAULT_PORT = 8787;

/**
 * Starts the simulator on a Node HTTP server.
 *
 * @example
 * const { baseURL, close } = await startSimulator({ port: 0, tokenDelayMs: 0 });
 */
export async function startSimulator(options: NodeSimulatorOptions = {}): Promise<RunningSimulator> {
  const { host = '127.0.0.1', port = DEFAULT_PORT, ...simulatorOptions } = options;
  const simulator = createSimulator(simulatorOptions);
  const server = createServer((request, response) => {
    void serve(simulator, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostname}:${address.port}`;
  return { url, baseURL: `${url}/api/v1`, close: () => close(server), simulator };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Bridges one Node request to the fetch-style simulator and streams the answer back. */
export async function serve(
  simulator: Simulator,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const disconnected = new AbortController();
  response.once('close', () => disconnected.abort());
  try {
    const answer = await simulator.handle(toRequest(request, disconnected.signal));
    // Response.error() is how the core asks for a dropped connection.
    if (answer.type === 'error') {
      request.socket.destroy();
      return;
    }
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    // Commit the status line now: a slow-start or held stream must not keep the client guessing.
    response.flushHeaders();
    await pipe(answer, response);
  } catch {
    response.destroy();
  } finally {
    drain(request);
  }
}

/**
 * Reads and discards what is left of the request body. An early answer (401, 413, 415) comes
 * before the body was read; on a keep-alive connection the next request only starts after this
 * one's last byte, so a body left unread stalls the connection until the server's keep-alive
 * timeout cuts it, and the client's next request on it is reset (ECONNRESET).
 */
function drain(request: IncomingMessage): void {
  if (request.complete || request.destroyed) return;
  request.removeAllListeners('data');
  request.resume();
}

/**
 * The request body as a web stream that reads only when pulled. `Readable.toWeb` is not used: its
 * cancel destroys the request, and with it the keep-alive socket, and it stops reading once its
 * queue is full, so the body could not be drained after an early answer.
 */
function requestBody(request: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        request.on('data', (piece: Buffer) => {
          if (!open) return;
          controller.enqueue(new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) request.pause();
        });
        request.once('end', () => {
          if (open) controller.close();
          open = false;
        });
        request.once('error', (error) => {
          if (open) controller.error(error);
          open = false;
        });
        request.pause();
      },
      pull() {
        request.resume();
      },
      cancel() {
        open = false;
        drain(request);
      },
    },
    { highWaterMark: 64 * 1024, size: (piece) => piece.byteLength },
  );
}

function toRequest(request: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(`http://${request.headers.host ?? '127.0.0.1'}${request.url ?? '/'}`, {
    method,
    headers,
    signal,
    ...(hasBody ? { body: requestBody(request), duplex: 'half' } : {}),
  } as RequestInit);
}

async function pipe(answer: Response, response: ServerResponse): Promise<void> {
  if (!answer.body) {
    response.end();
    return;
  }
  const reader = answer.body.getReader();
  const closed = new Promise<void>((resolve) => response.once('close', resolve));
  void closed.then(() => reader.cancel().catch(() => {}));
  let written = Promise.resolve();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (response.destroyed) return;
      let flushed = false;
      written = new Promise<void>((resolve) => {
        flushed = response.write(value, () => resolve());
      });
      // Waits for the socket only when its buffer is full, so a fast reader is not slowed down.
      if (!flushed) await Promise.race([written, closed]);
    }
  } catch (error) {
    // A dropped stream: the chunks written so far must reach the socket before the cut, or the
    // client would lose them with the connection.
    await Promise.race([written, closed]);
    throw error;
  }
  response.end();
}
