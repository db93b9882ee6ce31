// `pnpm start`: the demo app with the simulator inside its Vite server (/api/v1 on the same origin),
// installed first if needed, stopped cleanly on Ctrl-C and SIGTERM. Storybook: `pnpm storybook`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/.modules.yaml')) {
  const install = spawnSync('pnpm', ['install', '--frozen-lockfile'], { stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

// Its own process group, so that stopping it reaches pnpm, Node and anything they started: a
// signal to pnpm alone left the servers running on their ports.
const child = spawn('pnpm', ['--silent', '--filter', 'demo', 'dev'], {
  detached: true,
  stdio: ['inherit', 'pipe', 'inherit'],
  env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
});
let announced = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (announced) return;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Vite colours its output.
  const url = /Local:\s+(http\S+?)\/?\s/.exec(String(chunk).replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
  if (!url) return;
  announced = true;
  console.log(`\n  Parley demo: ${url}/   (simulator: ${url}/api/v1)   Ctrl-C stops both.\n`);
});

let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
  // A server that ignores the signal is killed after 5 s rather than kept on its port.
  setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }, 5000).unref();
};
child.on('exit', (code, signal) => {
  process.exitCode = stopping ? 0 : (code ?? (signal ? 1 : 0));
  stop('SIGTERM'); // whatever the child left behind in its group
});
process.on('SIGINT', () => stop('SIGTERM'));
process.on('SIGTERM', () => stop('SIGTERM'));
