import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PACK_DIR, PACKAGES, ROOT } from './workspace.ts';

/**
 * Builds every package and packs it as `pnpm publish` would, once per run: the packaging tests only ever
 * look at these tarballs, never at the sources, because the tarball is what users install.
 */
export default function setup(project: TestProject) {
  // PARLEY_REUSE_TARBALLS=1 skips the build while working on these tests; never set it in CI.
  if (process.env.PARLEY_REUSE_TARBALLS !== '1') {
    execFileSync('pnpm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    rmSync(PACK_DIR, { recursive: true, force: true });
    mkdirSync(PACK_DIR, { recursive: true });
    for (const name of PACKAGES) {
      execFileSync('pnpm', ['pack', '--pack-destination', PACK_DIR], {
        cwd: join(ROOT, 'packages', name),
        stdio: 'ignore',
      });
    }
  }
  const tarballs = Object.fromEntries(
    readdirSync(PACK_DIR).map((file) => [
      file.replace(/^parley-(.+)-\d+\.\d+\.\d+.*\.tgz$/, '@parley/$1'),
      join(PACK_DIR, file),
    ]),
  );
  project.provide('tarballs', tarballs);
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Package name → absolute path of its packed tarball. */
    tarballs: Record<string, string>;
  }
}
