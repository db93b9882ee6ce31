/**
 * The routing attempts behind a reply, when the server names them. OpenRouter's answers name only
 * the model and provider that served (`model`, `provider`); the Parley simulator also sends every
 * attempt in `x-parley-route`, so a UI can show the fallback chain that was tried.
 */

/** One routing attempt: a model on a provider, and the HTTP status it answered with (200 for the one that served). */
export interface ChatRouteAttempt {
  model: string;
  provider: string;
  status: number;
}

/** The response header that lists the attempts (`model=<id>;provider=<name>;status=<n>`, joined by `, `). */
export const ROUTE_HEADER = 'x-parley-route';

/** The attempts in an `x-parley-route` value, in order; `undefined` when absent or unreadable. */
export function parseRouteHeader(value: string | null | undefined): ChatRouteAttempt[] | undefined {
  if (!value) return undefined;
  const attempts: ChatRouteAttempt[] = [];
  for (const entry of value.split(',')) {
    const fields = new Map<string, string>();
    for (const pair of entry.trim().split(';')) {
      const equals = pair.indexOf('=');
      if (equals === -1) continue;
      try {
        fields.set(pair.slice(0, equals), decodeURIComponent(pair.slice(equals + 1)));
      } catch {
        return undefined;
      }
    }
    const model = fields.get('model');
    const provider = fields.get('provider');
    const status = Number(fields.get('status'));
    if (!model || !provider || !Number.isInteger(status)) return undefined;
    attempts.push({ model, provider, status });
  }
  return attempts.length > 0 ? attempts : undefined;
}
