import type { ChatCompletion, ChatCompletionNonStreamingParams } from '@parley/client';
import type { Simulator } from '@parley/mock-server';
import * as React from 'react';
import { streamSimulated } from './simulated-completion.ts';

/**
 * Streams the in-page simulator's answer to `body` and returns the completion as assembled so
 * far, for streaming stories and tests (`hold` scenarios pause it until `simulator.release`).
 */
export function useSimulatedStream(
  body: Omit<ChatCompletionNonStreamingParams, 'stream'>,
  { tokenDelayMs = 12, simulator }: { tokenDelayMs?: number; simulator?: Simulator } = {},
): { completion: ChatCompletion | undefined; done: boolean } {
  const [state, setState] = React.useState<{ completion: ChatCompletion | undefined; done: boolean }>({
    completion: undefined,
    done: false,
  });
  const key = JSON.stringify(body);
  React.useEffect(() => {
    const controller = new AbortController();
    setState({ completion: undefined, done: false });
    streamSimulated(
      JSON.parse(key),
      (_, completion) => setState({ completion, done: false }),
      { tokenDelayMs, signal: controller.signal, ...(simulator ? { simulator } : {}) },
    ).then(
      (completion) => setState({ completion, done: true }),
      () => undefined,
    );
    return () => controller.abort();
  }, [key, tokenDelayMs, simulator]);
  return state;
}
