import { hashString } from './prng.ts';

// Enough for a long test run or a day of demo use; the oldest entries go first.
const MAX_REMEMBERED = 10_000;

/**
 * Remembers which answers the reasoning model gave, per simulator instance, so that on a later
 * turn it can tell its own earlier answer apart from another model's and insist on the
 * reasoning_details that belong to it. A restart forgets; the signature check below still holds.
 */
export class ReasonerMemory {
  readonly #answers = new Set<number>();

  remember(content: string): void {
    const key = hashString(content.trim());
    this.#answers.delete(key);
    this.#answers.add(key);
    if (this.#answers.size > MAX_REMEMBERED) {
      const oldest = this.#answers.values().next().value;
      if (oldest !== undefined) this.#answers.delete(oldest);
    }
  }

  gave(content: string): boolean {
    return content.trim() !== '' && this.#answers.has(hashString(content.trim()));
  }
}
