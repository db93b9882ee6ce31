import { hexDigest } from './prng.ts';

/**
 * Signs reasoning the way strict providers do, so a client that alters or drops it is caught.
 * This is a keyed hash under a fixed, public secret: it detects accidents, not attackers, which is
 * all a simulator needs.
 */
const SIMULATOR_SECRET = 'parley-simulator-reasoning-secret-v1';
const SIGNATURE_PREFIX = 'psig1:';
const ENCRYPTED_PREFIX = 'penc1:';

export function signReasoning(text: string): string {
  return btoa(`${SIGNATURE_PREFIX}${hexDigest(`${SIMULATOR_SECRET}\u0000${text}`, 64)}`);
}

/** Opaque to clients, like OpenAI's encrypted reasoning; it binds to the reasoning text. */
export function encryptReasoning(text: string): string {
  return btoa(`${ENCRYPTED_PREFIX}${hexDigest(`${SIMULATOR_SECRET}\u0001${text}`, 96)}`);
}

export function isOurSignature(value: string): boolean {
  return decode(value)?.startsWith(SIGNATURE_PREFIX) ?? false;
}

export function isOurEncryption(value: string): boolean {
  return decode(value)?.startsWith(ENCRYPTED_PREFIX) ?? false;
}

function decode(value: string): string | null {
  try {
    return atob(value);
  } catch {
    return null;
  }
}

/** The id prefix of the reasoning_details this simulator writes. */
export const REASONING_ID_PREFIX = 'rs_parley_';
