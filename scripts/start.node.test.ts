// `pnpm start` as a person runs it: the demo and its simulator come up on one printed URL, and a
// signal to the command (Ctrl-C in a terminal, SIGTERM from a process manager) stops everything it
// started, leaving no server on the port.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;

let running: ChildProcess | undefined;

afterEach(() => {
  // A failed assertion must not leave the servers behind.
  if (running?.exitCode === null && running.pid) {
    try {
      process.kill(-running.pid, 'SIGKILL');
    } catch {}
  }
  running = undefined;
});

/** Starts `node scripts/start.mjs` in its own group and resolves with the URL it announces. */
async function start(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  running = child;
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += String(chunk);
      const found = /Parley demo: (http\S+?)\/\s/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += String(chunk);
    });
    child.on('exit', (code) =>
      reject(new Error(`pnpm start exited (${code}) before announcing:\n${output}`)),
    );
  });
  return { child, url };
}

/** Whether anything still answers on the URL's port. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

describe('pnpm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves the demo and the simulator on one URL, and %s stops both',
    async (signal) => {
      const { child, url } = await start();

      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const models = await fetch(`${url}/api/v1/models`);
      expect(models.status).toBe(200);
      expect(((await models.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);

      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = await exited;
      expect(code).toBe(0);
      // The command waits for nothing once its group is gone: the port is free at once.
      await expect.poll(() => answers(url), { timeout: 10_000 }).toBe(false);
    },
    120_000,
  );
});
