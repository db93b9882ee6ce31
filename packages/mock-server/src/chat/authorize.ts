import { SimulatorError } from '../http/errors.ts';
import type { ResolvedOptions } from '../options.ts';

/**
 * With `requireApiKey`, a chat request needs `Authorization: Bearer <key>`, from `apiKeys` when
 * given. OpenRouter's 401 messages; the key itself never appears in a response.
 */
export function authorize(request: Request, options: ResolvedOptions): void {
  if (!options.requireApiKey) return;
  const match = /^Bearer\s+(\S+)$/i.exec((request.headers.get('authorization') ?? '').trim());
  const key = match?.[1];
  if (!key) {
    throw new SimulatorError({
      status: 401,
      code: 'unauthorized',
      type: 'authentication_error',
      message: 'No auth credentials found. Send your API key as "Authorization: Bearer <key>".',
    });
  }
  if (options.apiKeys.length > 0 && !options.apiKeys.includes(key)) {
    throw new SimulatorError({
      status: 401,
      code: 'invalid_api_key',
      type: 'authentication_error',
      message: 'User not found. The API key is not valid for this simulator.',
    });
  }
}
