import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, 'cli.ts');
// One Node process running the sources, as the published bin is one running dist/cli.js. Not tsx's own
// command: it runs the script in a child process and relays a signal to it, and gives up on the child
// (SIGKILL, exit 143) when the child has not said it got the signal within 30 ms, which a loaded CI
// machine missed.
const LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const command = (args: string[]) =>
  spawn(process.execPath, ['--conditions=source', '--import', LOADER, CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** Starts the command and resolves once it has printed its base URL. */
async function start(args: string[]) {
  const child = command(['--port', '0', '--token-delay', '0', ...args]);
  let output = '';
  child.stdout.setEncoding('utf8');
  const baseURL = await new Promise<string>((found, fail) => {
    child.stdout.on('data', (text: string) => {
      output += text;
      const match = /Base URL: (\S+)/.exec(output);
      if (match?.[1]) found(match[1]);
    });
    child.once('exit', () => fail(new Error(`exited early: ${output}`)));
  });
  return { child, baseURL, output: () => output };
}

describe('the simulator command', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'prints its URLs and models, serves, and exits cleanly on %s',
    async (signal) => {
      const { child, baseURL, output } = await start([]);
      expect(output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
      const { data } = await (await fetch(`${baseURL}/models`)).json();
      for (const model of data as { id: string }[]) expect(output()).toContain(model.id);
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = await exited;
      expect(code).toBe(0);
      expect(output()).toContain('closing the simulator');
    },
  );

  it('requires the key given with --api-key, without --require-key', async () => {
    const { child, baseURL } = await start(['--api-key', 'sk-cli-good']);
    const chat = (authorization: string) =>
      fetch(`${baseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }),
      });
    try {
      expect((await chat('Bearer sk-cli-wrong')).status).toBe(401);
      expect((await chat('Bearer sk-cli-good')).status).toBe(200);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('refuses a bad flag value with usage and exit code 2', async () => {
    const child = command(['--port', 'abc']);
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      errors += text;
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(errors).toContain('--port needs a number');
  });
});
