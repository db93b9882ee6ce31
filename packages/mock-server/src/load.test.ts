import { describe, expect, it } from 'vitest';
import { startSimulator } from './node.ts';
import { postChat, readStream, sseEvents, user } from './testing/harness.ts';
import { MODEL_REQUESTS } from './testing/requests.ts';

const STREAMS = 100;

describe('under load', () => {
  it('completes 100 concurrent streams, stays up, and closes cleanly with streams still open', async () => {
    const simulator = await startSimulator({ port: 0, tokenDelayMs: 0 });
    const requests = Object.values(MODEL_REQUESTS);
    const reading = Promise.all(
      Array.from({ length: STREAMS }, async (_, index) => {
        const request = requests[index % requests.length] ?? {};
        const response = await postChat(
          simulator.baseURL,
          { ...request, stream: true, seed: index },
          { 'x-parley-scenario': 'hold;id=load;after=1' },
        );
        return readStream(response);
      }),
    );
    // Every stream waits at its hold, so all 100 are open at once before any may finish.
    const waiting = async () => {
      const { data } = await (await fetch(`${simulator.baseURL}/_parley/holds`)).json();
      return (data as { id: string; streams: number }[]).find((hold) => hold.id === 'load')?.streams ?? 0;
    };
    while ((await waiting()) < STREAMS) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(simulator.simulator.release('load')).toBe(STREAMS);
    const transcripts = await reading;
    expect(transcripts.filter((transcript) => transcript.done)).toHaveLength(STREAMS);
    expect(transcripts.every((transcript) => transcript.failure === undefined)).toBe(true);

    expect((await postChat(simulator.baseURL, { messages: [user('still there?')] })).status).toBe(200);

    // A stalled and a held stream must not keep close() waiting.
    const stalled = await postChat(
      simulator.baseURL,
      { messages: [user('stall')], stream: true },
      { 'x-parley-scenario': 'stall;after=1' },
    );
    const held = await postChat(
      simulator.baseURL,
      { messages: [user('hold')], stream: true },
      { 'x-parley-scenario': 'hold;after=1' },
    );
    const drain = (response: Response) =>
      (async () => {
        for await (const _event of sseEvents(response)) {
          // reading until the server cuts the connection
        }
      })().catch(() => 'cut');
    const cut = Promise.all([drain(stalled), drain(held)]);
    await simulator.close();
    expect(await cut).toEqual(['cut', 'cut']);
    await expect(fetch(`${simulator.baseURL}/models`)).rejects.toThrow();
  });
});
