import type { ChatCompletionParams, ReasoningDetail } from '@parley/client';
import type { SimulatedModel } from '../models/catalog.ts';
import type { Rng } from './prng.ts';
import type { ReasonerMemory } from './reasoner-memory.ts';
import { tokenize } from './tokens.ts';

/** A request body after validation, with the OpenRouter fields the spec leaves out. */
export type ChatRequest = ChatCompletionParams & { parallel_tool_calls?: boolean | null };

/** What a simulated model decided to say, before it is rendered as JSON or as a stream. */
export interface Turn {
  reasoning: ReasoningOutput | null;
  /** The answer, already split into tokens; joined, it is the message content. */
  content: string[];
  toolCalls: ToolCallOutput[];
  finishReason: 'stop' | 'tool_calls' | 'length' | 'content_filter';
  /** A refusal in tokens, sent as `refusal` instead of content (the `refusal` scenario). */
  refusal?: string[];
  /** Web search citations (the `web` plugin or an `:online` model), spans into the joined content. */
  annotations?: UrlCitation[];
}

/** OpenRouter's `url_citation` annotation: a source and the span of the answer it backs. */
export interface UrlCitation {
  type: 'url_citation';
  url_citation: { url: string; title: string; content: string; start_index: number; end_index: number };
}

export interface ReasoningOutput {
  /** Reasoning text in tokens, streamed as `reasoning` and `reasoning.text` fragments. */
  text: string[];
  /** Sent in a late `reasoning.text` fragment with no text, as Anthropic does. */
  signature: string;
  /** `reasoning.summary` tokens, present when `reasoning.summary` was asked for. */
  summary: string[] | null;
  /** `reasoning.encrypted` data, present at high effort. */
  encrypted: string | null;
  /** The complete details, as the final message carries them. */
  details: ReasoningDetail[];
}

export interface ToolCallOutput {
  id: string;
  name: string;
  /** JSON text of the arguments. */
  arguments: string;
}

export interface GenerationContext {
  params: ChatRequest;
  entry: SimulatedModel;
  rng: Rng;
  memory: ReasonerMemory;
}

export type Generator = (context: GenerationContext) => Turn;

export function textTurn(text: string): Turn {
  return { reasoning: null, content: tokenize(text), toolCalls: [], finishReason: 'stop' };
}
