/** Options of {@link createSimulator}, shared by every adapter. */
export interface SimulatorOptions {
  /** Milliseconds between streamed tokens. Default 15 (readable by humans); tests pass 0. */
  tokenDelayMs?: number | undefined;
  /** Answer 401 to chat requests without a valid `Authorization: Bearer <key>`. Default false. */
  requireApiKey?: boolean | undefined;
  /** The keys accepted when `requireApiKey` is on. Empty or absent: any non-empty key. */
  apiKeys?: string[] | undefined;
  /** Largest accepted request body in bytes; larger bodies get 413. Default 20 MiB (data URLs are big). */
  maxBodyBytes?: number | undefined;
  /** Mixed into every request's seed, so two simulators can be told apart. Default 0. */
  seed?: number | undefined;
}

/** {@link SimulatorOptions} with every default applied. */
export interface ResolvedOptions {
  tokenDelayMs: number;
  requireApiKey: boolean;
  apiKeys: string[];
  maxBodyBytes: number;
  seed: number;
}

// OpenRouter does not publish its body limit; 20 MiB fits a few base64 images or a short video.
const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
// About 65 tokens a second: fast enough to feel live, slow enough to watch a stream build up.
const DEFAULT_TOKEN_DELAY_MS = 15;

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  return {
    tokenDelayMs: Math.max(0, options.tokenDelayMs ?? DEFAULT_TOKEN_DELAY_MS),
    requireApiKey: options.requireApiKey ?? false,
    apiKeys: options.apiKeys ?? [],
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    seed: options.seed ?? 0,
  };
}
