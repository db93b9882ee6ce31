#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { listModels } from './models/catalog.ts';
import { DEFAULT_PORT, startSimulator } from './node.ts';

const USAGE = `Usage: parley-simulator [options]

  --port <n>          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <name>       interface to listen on (default 127.0.0.1)
  --token-delay <ms>  milliseconds between streamed tokens (default 15)
  --require-key       answer 401 unless a request sends "Authorization: Bearer <key>"
  --api-key <key>     a key to accept (repeatable; implies --require-key; without it any key passes)
  --seed <n>          mixed into every answer's seed
  --max-body <bytes>  largest request body (default 20 MiB)
  --help              show this text`;

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    console.error(`${flag} needs a number ≥ 0, got "${value}"\n\n${USAGE}`);
    process.exit(2);
  }
  return parsed;
}

async function main(): Promise<void> {
  // `pnpm simulator -- --port 9000` passes the `--` through; it is not an argument.
  const args = process.argv.slice(2);
  if (args[0] === '--') args.shift();
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'token-delay': { type: 'string' },
      'require-key': { type: 'boolean' },
      'api-key': { type: 'string', multiple: true },
      seed: { type: 'string' },
      'max-body': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const simulator = await startSimulator({
    port: number(values.port, '--port') ?? DEFAULT_PORT,
    host: values.host ?? '127.0.0.1',
    tokenDelayMs: number(values['token-delay'], '--token-delay'),
    // A listed key that is never asked for would look like protection and be none.
    requireApiKey: values['require-key'] === true || (values['api-key']?.length ?? 0) > 0,
    apiKeys: values['api-key'] ?? [],
    seed: number(values.seed, '--seed'),
    maxBodyBytes: number(values['max-body'], '--max-body'),
  });
  console.log(`Parley simulator listening on ${simulator.url}`);
  console.log(`Base URL: ${simulator.baseURL}`);
  const models = listModels().map((entry) => entry.model.id);
  console.log(`Models: ${models.join(', ')}`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing the simulator`);
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
