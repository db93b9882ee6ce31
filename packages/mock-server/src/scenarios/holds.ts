/**
 * Streams paused by the `hold` scenario, released by `POST /api/v1/_parley/release?id=<id>`.
 * A release that arrives before anyone holds is kept as a credit, so a test that releases as
 * soon as it sees a token cannot lose the race against the stream reaching its hold point.
 */
export class HoldRegistry {
  readonly #waiting = new Map<string, Set<() => void>>();
  readonly #credits = new Map<string, number>();

  /** Resolves on release, or when `signal` aborts (the client went away or the server closes). */
  wait(id: string, signal: AbortSignal): Promise<void> {
    const credit = this.#credits.get(id) ?? 0;
    if (credit > 0) {
      this.#credits.set(id, credit - 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const waiters = this.#waiting.get(id) ?? new Set();
      this.#waiting.set(id, waiters);
      const done = () => {
        waiters.delete(done);
        if (waiters.size === 0) this.#waiting.delete(id);
        signal.removeEventListener('abort', done);
        resolve();
      };
      waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** Releases every stream held under `id`; with none held, banks one release. Returns how many were released. */
  release(id: string): number {
    const waiters = this.#waiting.get(id);
    if (!waiters || waiters.size === 0) {
      this.#credits.set(id, (this.#credits.get(id) ?? 0) + 1);
      return 0;
    }
    const count = waiters.size;
    for (const done of [...waiters]) done();
    return count;
  }

  /**
   * Forgets the banked releases. Streams held right now stay held (their clients are still waiting and a
   * release still frees them); a release banked for a stream that never came must not let a later one through.
   */
  forgetCredits(): void {
    this.#credits.clear();
  }

  /** The ids with held streams and how many each holds. */
  held(): { id: string; streams: number }[] {
    return [...this.#waiting.entries()].map(([id, waiters]) => ({ id, streams: waiters.size }));
  }
}
