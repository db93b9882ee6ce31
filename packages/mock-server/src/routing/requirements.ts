import type { ContentPart, Modality } from '@parley/client';
import type { ChatRequest } from '../generate/turn.ts';

/** Request fields that a provider must support when `provider.require_parameters` is on. */
const ROUTED_PARAMETERS = [
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'reasoning',
  'logprobs',
  'top_logprobs',
  'seed',
  'stop',
  'max_tokens',
  'temperature',
  'top_p',
  'frequency_penalty',
  'presence_penalty',
  'logit_bias',
] as const;

export function usedParameters(params: ChatRequest): string[] {
  const record = params as Record<string, unknown>;
  const used: string[] = ROUTED_PARAMETERS.filter(
    (name) => record[name] !== undefined && record[name] !== null,
  );
  if (params.max_completion_tokens != null && !used.includes('max_tokens')) used.push('max_tokens');
  if (params.response_format?.type === 'json_schema') used.push('structured_outputs');
  return used;
}

/** The input modalities the messages need, besides text. */
export function requiredModalities(params: ChatRequest): Modality[] {
  const needed = new Set<Modality>();
  for (const message of params.messages) {
    if (!Array.isArray(message.content)) continue;
    for (const part of message.content as ContentPart[]) {
      if (part.type === 'image_url') needed.add('image');
      else if (part.type === 'input_audio') needed.add('audio');
      else if (part.type === 'video_url' || part.type === 'input_video') needed.add('video');
    }
  }
  return [...needed];
}
