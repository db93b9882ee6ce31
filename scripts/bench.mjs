// `pnpm bench`: runs every benchmark under bench/ one after another (they are not tests: they print tables).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const files = readdirSync('bench')
  .filter((name) => /\.bench\.ts$/.test(name))
  .filter((name) => !only || name.includes(only))
  .sort();
for (const name of files) {
  console.log(`\n## bench/${name}\n`);
  const result = spawnSync('pnpm', ['exec', 'tsx', '--conditions=source', `bench/${name}`], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exitCode = 1;
}
