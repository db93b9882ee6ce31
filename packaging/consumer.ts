import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { STORE_DIR } from './workspace.ts';

// CI sets `CI`, which turns on colours in Vite and Next (picocolors): a bold port in the printed URL or a colour
// code inside a warning would then defeat the patterns these tests read the output with.
const PLAIN_OUTPUT = { NO_COLOR: '1' };

// Vitest sets NODE_ENV=test, which a child `vite build` or `next build` would inherit and obey (React's
// development build, twice the size): the apps run with the environment a user's shell has.
const { NODE_ENV: _vitestNodeEnv, ...USER_ENV } = process.env;

const run = promisify(execFile);

/** A throwaway app outside the workspace, installed from the packed tarballs. */
export interface ConsumerApp {
  dir: string;
  /** Runs a command in the app; rejects with its whole output when it fails. Resolves to stdout + stderr. */
  exec(command: string, args: string[], env?: Record<string, string>): Promise<string>;
  /** Starts a long-running command and resolves with the first match of `ready` in its output. */
  start(command: string, args: string[], ready: RegExp, env?: Record<string, string>): Promise<Server>;
  remove(): void;
}

export interface Server {
  match: RegExpExecArray;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Copies `template` into a fresh folder under the system's temp dir (no pnpm-workspace.yaml above it, so
 * nothing of this repository can leak in) and installs it with every `@parley/*` package, direct or
 * transitive, taken from its tarball, as after `npm publish`.
 */
export async function createConsumerApp(
  template: string,
  tarballs: Record<string, string>,
): Promise<ConsumerApp> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-consumer-'));
  cpSync(template, dir, { recursive: true });
  const manifestPath = join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const fromTarball = Object.fromEntries(
    Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]),
  );
  for (const name of Object.keys(manifest.dependencies)) {
    if (name.startsWith('@parley/')) manifest.dependencies[name] = fromTarball[name];
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  // The tarballs depend on each other by version (0.1.0), which no registry has: point those at the files.
  const overrides = Object.entries(fromTarball).map(([name, spec]) => `  "${name}": "${spec}"`);
  writeFileSync(
    join(dir, 'pnpm-workspace.yaml'),
    `${readFileSync(join(dir, 'pnpm-workspace.yaml'), 'utf8')}overrides:\n${overrides.join('\n')}\n`,
  );

  const exec = async (command: string, args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await run(command, args, {
        cwd: dir,
        env: { ...USER_ENV, ...PLAIN_OUTPUT, ...env },
        maxBuffer: 64 * 1024 * 1024,
      });
      return `${stdout}${stderr}`;
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(
        `${command} ${args.join(' ')} failed in ${dir}\n${failed.stdout ?? ''}${failed.stderr ?? failed.message}`,
      );
    }
  };
  // --prefer-offline: a package already in the store is not asked about again; the npm registry is the
  // only one reached, for whatever the store lacks.
  await exec('pnpm', ['install', '--store-dir', STORE_DIR, '--prefer-offline', '--reporter', 'append-only'], {
    CI: 'true',
  });

  return {
    dir,
    exec,
    start: (command, args, ready, env = {}) => startServer(dir, command, args, ready, env),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function startServer(
  cwd: string,
  command: string,
  args: string[],
  ready: RegExp,
  env: Record<string, string>,
): Promise<Server> {
  // Its own process group, so stopping it also stops the workers it starts (next start forks).
  const child: ChildProcess = spawn(command, args, {
    cwd,
    env: { ...USER_ENV, ...PLAIN_OUTPUT, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
    }
  };
  return new Promise((found, fail) => {
    const read = (text: Buffer) => {
      output += text.toString('utf8');
      const match = ready.exec(output);
      if (match) found({ match, output: () => output, stop });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) =>
      fail(new Error(`${command} ${args.join(' ')} exited (${code}) before it was ready:\n${output}`)),
    );
  });
}
