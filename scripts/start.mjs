// `pnpm start`: the simulator on 127.0.0.1:8787 and Storybook on 6006, together, stopped together.
// (When the demo app lands, it takes Storybook's place here.)
import { spawn } from 'node:child_process';

const children = [
  spawn('pnpm', ['--silent', 'simulator'], { stdio: 'inherit' }),
  spawn('pnpm', ['--silent', 'storybook'], {
    stdio: 'inherit',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  }),
];
let stopping = false;
const stop = (code) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
