/**
 * Early answers (413, 401, 415) come before the simulator has read the request body. On a
 * keep-alive connection the next request must still be answered, not reset: Node's fetch and the
 * openai package reuse connections exactly like this.
 */
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { useSimulator } from './testing/harness.ts';

const KEY = 'sk-parley-keep-alive';
const LIMIT = 64 * 1024;
const simulator = useSimulator({ requireApiKey: true, apiKeys: [KEY], maxBodyBytes: LIMIT });

const chat = (content: string) =>
  JSON.stringify({ model: 'parley/echo', messages: [{ role: 'user', content }], max_tokens: 4 });
const oversized = chat('x'.repeat(LIMIT * 4));

interface Sent {
  headers?: Record<string, string>;
  body: string;
  /** Leaves Content-Length out, so the body goes chunked and only counting can find it too large. */
  chunked?: boolean;
}

const steps: Array<[string, Sent, number]> = [
  [
    'an oversized body with its length declared',
    { headers: { authorization: `Bearer ${KEY}` }, body: oversized },
    413,
  ],
  ['no key', { body: chat('Hi') }, 401],
  [
    'an oversized body sent chunked',
    { headers: { authorization: `Bearer ${KEY}` }, body: oversized, chunked: true },
    413,
  ],
  [
    'a wrong key with a large body',
    { headers: { authorization: 'Bearer sk-wrong' }, body: chat('y'.repeat(LIMIT / 2)) },
    401,
  ],
  [
    'a text body',
    { headers: { authorization: `Bearer ${KEY}`, 'content-type': 'text/plain' }, body: chat('Hi') },
    415,
  ],
  ['a valid request', { headers: { authorization: `Bearer ${KEY}` }, body: chat('Hi') }, 200],
];

describe('early answers on one keep-alive connection', () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  afterAll(() => agent.destroy());

  function send({ headers = {}, body, chunked = false }: Sent) {
    return new Promise<{ status: number; reused: boolean; body: string }>((resolve, reject) => {
      const url = new URL(`${simulator().baseURL}/chat/completions`);
      const request = httpRequest(url, {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          ...(chunked ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
          ...headers,
        },
      });
      request.on('error', reject);
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (piece: string) => {
          text += piece;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, reused: request.reusedSocket, body: text }),
        );
      });
      request.end(body);
    });
  }

  it('answers every request of the sequence, on the same socket, none of them reset', async () => {
    const seen: Array<[string, number, boolean]> = [];
    for (const [name, sent] of steps) {
      const { status, reused } = await send(sent);
      seen.push([name, status, reused]);
    }
    expect(seen).toEqual(steps.map(([name, , status], index) => [name, status, index > 0]));
  });

  it('answers the same sequence twice over with Node fetch', async () => {
    for (let round = 0; round < 2; round++) {
      for (const [name, { headers = {}, body }, status] of steps) {
        const response = await fetch(`${simulator().baseURL}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        await response.arrayBuffer();
        expect([name, response.status]).toEqual([name, status]);
      }
    }
  });
});
