import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');
const CLI = resolve(import.meta.dirname, 'cli.ts');

describe('the simulator command', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'prints its URLs, serves, and exits cleanly on %s',
    async (signal) => {
      const child = spawn(TSX, [CLI, '--port', '0', '--token-delay', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
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
      expect(output).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
      expect((await fetch(`${baseURL}/models`)).status).toBe(200);
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = await exited;
      expect(code).toBe(0);
      expect(output).toContain('closing the simulator');
    },
  );

  it('refuses a bad flag value with usage and exit code 2', async () => {
    const child = spawn(TSX, [CLI, '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      errors += text;
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(errors).toContain('--port needs a number');
  });
});
