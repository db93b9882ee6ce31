import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..');

/** Every folder under packages/: each is published. */
export const PACKAGES = readdirSync(join(ROOT, 'packages'));

/** Where the tarballs go: inside the repository's ignored build output, recreated on every run. */
export const PACK_DIR = join(ROOT, 'node_modules', '.cache', 'parley-packaging', 'tarballs');

/**
 * pnpm's content store for the consumer apps, kept between runs (CI runs on the same machine) so that a
 * repeated install links files instead of downloading Next.js again. Beside pnpm's own default store.
 */
export const STORE_DIR =
  process.env.PARLEY_CONSUMER_STORE ?? join(homedir(), '.cache', 'parley-consumers', 'store');
