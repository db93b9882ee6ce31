import type { ChatTool } from '@parley/client/chat';

const UNITS = ['m', 'km', 'mi', 'ft', 'kg', 'lb', 'l', 'gal', 'c', 'f'] as const;
/** The units the converter knows; `c` and `f` are temperatures. */
export type Unit = (typeof UNITS)[number];
export type Temperature = 'c' | 'f';

// What they do is in tool-runs.ts, fetched once a model that takes tools is chosen (or with the
// first call): the first page carries only the declarations.
const runs = () => import('./tool-runs.ts');
/** Fetches what the tools run, so the first call does not wait for it. */
export const preloadTools = () => void runs();

/** The demo's browser tools: the model calls them, they run here, and the results go back to it. */
export const tools: Record<string, ChatTool> = {
  get_time: {
    description: 'The current local time in a city.',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string', description: 'The city, such as Tokyo' } },
      required: ['city'],
    },
    execute: async (args) => (await runs()).currentTime(args),
  },
  calculator: {
    description: 'Evaluates an arithmetic expression (calculate, compute, sum, multiply).',
    parameters: {
      type: 'object',
      properties: { expression: { type: 'string', description: 'Such as (2 + 3) * 4' } },
      required: ['expression'],
    },
    execute: async (args) =>
      String((await runs()).calculate(String((args as { expression?: unknown }).expression ?? ''))),
  },
  convert_units: {
    description: 'Converts a value between units (convert length, mass, volume, temperature).',
    parameters: {
      type: 'object',
      properties: {
        value: { type: 'number' },
        from: { type: 'string', enum: [...UNITS] },
        to: { type: 'string', enum: [...UNITS] },
      },
      required: ['value', 'from', 'to'],
    },
    // The one that asks first, so approving and denying can be seen end to end.
    needsApproval: true,
    execute: async (args) => (await runs()).convert(args),
  },
};
