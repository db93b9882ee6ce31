import { invalidRequest } from '../http/errors.ts';
import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from './catalog.ts';

/** One parsed scenario: `name;key=value;...`. */
export interface Scenario {
  name: ScenarioName;
  /** The text it was parsed from; the default `times` counter key. */
  source: string;
  /** Tokens before the stream fails, drops, stalls or holds. */
  after: number;
  /** Only the first `times` requests carrying `key` fail; absent: every request. */
  times: number | null;
  key: string;
  /** `Retry-After` in seconds: always on a 429 (default 1), on other HTTP failures only when given. */
  retryAfterSeconds: number | null;
  retryAfterMs: number | null;
  /** slow-start: milliseconds of keep-alive comments before the first token. */
  ms: number;
  /** Milliseconds per token, overriding the simulator's tokenDelayMs. */
  pace: number | null;
  /** hold: the name to release with `POST /api/v1/_parley/release?id=<id>`. */
  id: string;
  /** hold: after a release, stream this many more tokens and hold again (absent: run to the end). */
  step: number | null;
  /** Fail only attempts served by this model or provider, so routing can fall back. */
  model: string | null;
  provider: string | null;
  message: string | null;
}

const NUMBER_PARAMS = ['after', 'times', 'retry-after', 'retry-after-ms', 'ms', 'pace', 'step'] as const;
const TEXT_PARAMS = ['key', 'id', 'model', 'provider', 'message'] as const;
// Kept small: the message is sent back to the client in error bodies.
const MAX_SCENARIO_LENGTH = 1000;

/**
 * Parses `x-parley-scenario` (or `metadata.parley_scenario`): scenarios separated by `,`, each
 * `name[;key=value]*`. Unknown names and parameters are a 400, so a typo never silently succeeds.
 */
export function parseScenarios(text: string, param: string): Scenario[] {
  if (text.length > MAX_SCENARIO_LENGTH) {
    throw invalidRequest(`The scenario is longer than ${MAX_SCENARIO_LENGTH} characters.`, param);
  }
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => parseOne(part, param));
}

function parseOne(source: string, param: string): Scenario {
  const [rawName = '', ...pairs] = source.split(';').map((piece) => piece.trim());
  const name = rawName.toLowerCase();
  if (!isScenarioName(name)) {
    throw invalidRequest(
      `Unknown scenario "${rawName.slice(0, 60)}". Known scenarios: ${SCENARIO_NAMES.join(', ')}.`,
      param,
      'unknown_scenario',
    );
  }
  const values = new Map<string, string>();
  for (const pair of pairs) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = (equals < 0 ? pair : pair.slice(0, equals)).trim().toLowerCase();
    const value = equals < 0 ? '' : pair.slice(equals + 1).trim();
    if (
      !(NUMBER_PARAMS as readonly string[]).includes(key) &&
      !(TEXT_PARAMS as readonly string[]).includes(key)
    ) {
      throw invalidRequest(
        `Unknown parameter "${key.slice(0, 40)}" in scenario "${name}". Known: ${[...NUMBER_PARAMS, ...TEXT_PARAMS].join(', ')}.`,
        param,
        'unknown_scenario',
      );
    }
    values.set(key, value);
  }
  const number = (key: (typeof NUMBER_PARAMS)[number]): number | null => {
    const value = values.get(key);
    if (value === undefined) return null;
    const parsed = Number(value);
    if (value === '' || !Number.isInteger(parsed) || parsed < 0) {
      throw invalidRequest(
        `Scenario parameter "${key}" must be a whole number ≥ 0, got "${value.slice(0, 40)}".`,
        param,
      );
    }
    return parsed;
  };
  const times = number('times');
  if (times === 0) throw invalidRequest('Scenario parameter "times" must be at least 1.', param);
  const step = number('step');
  return {
    name,
    source,
    after: number('after') ?? 5,
    times,
    key: values.get('key') ?? source,
    retryAfterSeconds: number('retry-after'),
    retryAfterMs: number('retry-after-ms'),
    ms: number('ms') ?? 1000,
    pace: number('pace'),
    id: values.get('id') ?? 'default',
    step: step === 0 ? null : step,
    model: values.get('model') ?? null,
    provider: values.get('provider') ?? null,
    message: values.get('message') ?? null,
  };
}
