/**
 * How fast the simulator answers: requests per second for each model in-process (JSON and a
 * whole stream read to its end), and 100 concurrent unpaced streams over HTTP. It tells whether
 * the simulator can stand in for the real service in tests and load demos without being the
 * bottleneck.
 *
 * Run: pnpm exec tsx --conditions=source bench/simulator-throughput.bench.ts   (about 15-30 s)
 */
import { createSimulator } from '@parley/mock-server';
import { startSimulator } from '@parley/mock-server/node';
import { Bench } from 'tinybench';

const simulator = createSimulator({ tokenDelayMs: 0 });

const TOOLS = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Get the current weather for a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
];
const BODIES: Record<string, Record<string, unknown>> = {
  'parley/echo': { messages: [{ role: 'user', content: 'Tell me about the sea and the sky' }] },
  'parley/reasoner': {
    messages: [{ role: 'user', content: 'Why is the sky blue?' }],
    reasoning: { effort: 'high' },
  },
  'parley/tool-caller': { messages: [{ role: 'user', content: 'Weather in Paris and Rome?' }], tools: TOOLS },
  'parley/structured': {
    messages: [{ role: 'user', content: 'Plan 3 days in Rome' }],
    response_format: {
      type: 'json_schema',
      json_schema: {
        name: 'trip',
        schema: {
          type: 'object',
          properties: { city: { type: 'string' }, days: { type: 'integer' } },
          required: ['city', 'days'],
        },
      },
    },
  },
};

function request(model: string, stream: boolean, index: number): Request {
  return new Request('http://simulator/api/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, ...BODIES[model], stream, seed: index }),
  });
}

let counter = 0;
const bench = new Bench({ time: 1500, warmupTime: 300 });
for (const model of Object.keys(BODIES)) {
  bench.add(`${model} JSON`, async () => {
    await (await simulator.handle(request(model, false, counter++))).text();
  });
  bench.add(`${model} stream`, async () => {
    await (await simulator.handle(request(model, true, counter++))).text();
  });
}
await bench.run();
console.log('In-process, one request at a time, tokenDelayMs 0:');
console.table(
  bench.tasks.map((task) => {
    const result = task.result as
      | { throughput?: { mean: number }; latency?: { p50?: number; p99?: number } }
      | undefined;
    return {
      task: task.name,
      'requests/s': Math.round(result?.throughput?.mean ?? 0),
      'p50 ms': Number((result?.latency?.p50 ?? 0).toFixed(2)),
      'p99 ms': Number((result?.latency?.p99 ?? 0).toFixed(2)),
    };
  }),
);

const running = await startSimulator({ port: 0, tokenDelayMs: 0 });
const rows = [];
for (const concurrency of [10, 100]) {
  const started = performance.now();
  let chunks = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, index) => {
      const response = await fetch(`${running.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'parley/reasoner',
          ...BODIES['parley/reasoner'],
          stream: true,
          seed: index,
        }),
      });
      chunks += (await response.text()).split('\n\ndata: ').length;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  rows.push({
    concurrency,
    'total ms': Math.round(seconds * 1000),
    'chunks/s': Math.round(chunks / seconds),
  });
}
await running.close();
console.log('Over HTTP, parley/reasoner streams (high effort) all at once:');
console.table(rows);
