import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ConsumerApp, createConsumerApp } from './consumer.ts';
import { ROOT } from './workspace.ts';

const run = promisify(execFile);
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const tarballs = inject('tarballs');

/** Unpacks a tarball as npm would and reads its manifest. */
async function unpack(tarball: string) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-tarball-'));
  await run('tar', ['xzf', tarball, '-C', dir]);
  const root = join(dir, 'package');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | Record<string, string>>;
    bin?: Record<string, string>;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  return { dir, root, manifest };
}

/** A module's imports (static, at the start of a line as a build writes them, and dynamic) of a package. */
const IMPORT =
  /^import\s*["']([^"'.][^"']*)["']|^(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"'.][^"']*)["']|\bimport\(\s*["']([^"'.][^"']*)["']\s*\)/gm;

describe.each(Object.entries(tarballs))('the %s tarball', (name, tarball) => {
  it('holds dist/, README, LICENSE and the manifest, nothing else', async () => {
    const { stdout } = await run('tar', ['tzf', tarball]);
    const files = stdout.trim().split('\n');
    expect(
      files.filter((file) => !/^package\/(dist\/.+|README\.md|LICENSE|package\.json)$/.test(file)),
    ).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['package/README.md', 'package/LICENSE']));
  });

  it('exports only files it holds, with no `source` condition pointing at the sources it leaves out', async () => {
    const { manifest, root, dir } = await unpack(tarball);
    try {
      const targets = Object.values(manifest.exports).flatMap((target) =>
        typeof target === 'string' ? [['default', target]] : Object.entries(target),
      );
      expect(targets.filter(([condition]) => condition === 'source')).toEqual([]);
      expect(targets.filter(([, file]) => !existsSync(join(root, file ?? '')))).toEqual([]);
      expect(JSON.stringify([manifest.exports, manifest.bin])).not.toContain('src/');
      expect(manifest).not.toHaveProperty('publishConfig');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('passes publint, warnings included', async () => {
    const { stdout } = await run(bin('publint'), ['run', tarball, '--strict']);
    expect(stdout).toContain('All good');
  });

  it('passes @arethetypeswrong for ESM consumers (node16 and bundlers)', async () => {
    const { manifest, dir } = await unpack(tarball);
    rmSync(dir, { recursive: true });
    // Stylesheets and JSON have no types to check.
    const assets = Object.keys(manifest.exports).filter((subpath) => /\.(css|json)$/.test(subpath));
    const args = [tarball, '--profile', 'esm-only', '--format', 'ascii'];
    if (assets.length > 0) args.push('--exclude-entrypoints', ...assets);
    await expect(run(bin('attw'), args)).resolves.toBeTruthy();
  });

  it('imports, from its JavaScript, only packages it declares (what it bundles is in dist/)', async () => {
    const { manifest, root, dir } = await unpack(tarball);
    try {
      const declared = new Set([
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.peerDependencies ?? {}),
      ]);
      const undeclared = new Set<string>();
      const files = readdirSync(join(root, 'dist'), { recursive: true, encoding: 'utf8' });
      // A folder may end in .js too (dist/vendor/punycode.js/).
      for (const file of files.filter(
        (path) => path.endsWith('.js') && statSync(join(root, 'dist', path)).isFile(),
      )) {
        const code = readFileSync(join(root, 'dist', file), 'utf8');
        for (const [, bare, named, dynamic] of code.matchAll(IMPORT)) {
          const specifier = bare ?? named ?? dynamic ?? '';
          const pkg = specifier.startsWith('@') ? specifier.split('/', 2).join('/') : specifier.split('/')[0];
          if (!specifier.startsWith('node:') && !declared.has(pkg ?? ''))
            undeclared.add(`${file}: ${specifier}`);
        }
      }
      expect([...undeclared]).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("opens every JavaScript entry with 'use client' when it renders React", async () => {
    const { manifest, root, dir } = await unpack(tarball);
    try {
      const entries = Object.values(manifest.exports)
        .map((target) => (typeof target === 'string' ? target : target.default))
        .filter((file): file is string => file?.endsWith('.js') === true);
      expect(entries.length, `${name} has JavaScript entries`).toBeGreaterThan(0);
      const opening = entries.map((file) => readFileSync(join(root, file), 'utf8').split('\n')[0]);
      const rendersReact = manifest.peerDependencies?.react !== undefined;
      for (const line of opening) {
        if (rendersReact) expect(line).toMatch(/^(['"])use client\1;?$/);
        else expect(line).not.toMatch(/use client/);
      }
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('plain Node 20 with the installed tarballs', () => {
  let app: ConsumerApp;
  beforeAll(async () => {
    app = await createConsumerApp(join(import.meta.dirname, 'node-app'), tarballs);
  });
  afterAll(() => app?.remove());

  it('imports @parley/client and /chat with no DOM and streams a reply from the simulator', async () => {
    const output = await app.exec('node', ['stream.mjs']);
    expect(JSON.parse(output)).toEqual({ text: expect.stringContaining('Hello from Node'), status: 'idle' });
  });

  it('runs the parley-simulator bin from dist, serves the models and stops on SIGTERM', async () => {
    const simulator = await app.start('pnpm', ['exec', 'parley-simulator', '--port', '0'], /Base URL: (\S+)/);
    try {
      const response = await fetch(`${simulator.match[1]}/models`);
      const { data } = (await response.json()) as { data: Array<{ id: string }> };
      expect(data.map((model) => model.id)).toContain('parley/echo');
    } finally {
      await simulator.stop();
    }
    expect(simulator.output()).toContain('closing the simulator');
  });

  it('prints the usage of the same flags as the repository command', async () => {
    const output = await app.exec('pnpm', ['exec', 'parley-simulator', '--help']);
    for (const flag of [
      '--port',
      '--host',
      '--token-delay',
      '--require-key',
      '--api-key',
      '--seed',
      '--max-body',
    ]) {
      expect(output).toContain(flag);
    }
  });
});
