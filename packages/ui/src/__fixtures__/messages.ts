import type { ChatMessage } from '@parley/client/chat';
import { pixelPng, toneWavBase64 } from './media.ts';
import { richMarkdown } from './markdown-samples.ts';

const T0 = Date.UTC(2026, 0, 15, 9, 30);

export const userQuestion: ChatMessage = {
  id: 'user-1',
  role: 'user',
  parts: [{ type: 'text', text: 'What changed in the latest release?\nKeep it short.' }],
  createdAt: T0,
  status: 'complete',
};

export const assistantAnswer: ChatMessage = {
  id: 'assistant-1',
  role: 'assistant',
  parts: [{ type: 'text', text: richMarkdown }],
  createdAt: T0 + 1000,
  status: 'complete',
  model: 'parley/echo',
  provider: 'Parley Simulator',
  finishReason: 'stop',
  timing: { startedAt: T0 + 1000, firstTokenAt: T0 + 1350, endedAt: T0 + 3400 },
  usage: { prompt_tokens: 42, completion_tokens: 180, total_tokens: 222, cost: 0.00031 },
};

export const assistantStreaming: ChatMessage = {
  id: 'assistant-streaming',
  role: 'assistant',
  parts: [{ type: 'text', text: 'Let me check the changelog. The **main change' }],
  createdAt: T0 + 2000,
  status: 'streaming',
  model: 'parley/echo',
  timing: { startedAt: T0 + 2000, firstTokenAt: T0 + 2300 },
};

// An aborted reply has no usage: the answer's fields without it.
const { usage: _answerUsage, ...answerWithoutUsage } = assistantAnswer;
export const assistantAborted: ChatMessage = {
  ...answerWithoutUsage,
  id: 'assistant-aborted',
  parts: [{ type: 'text', text: 'The release adds streaming-safe markdown, and' }],
  status: 'aborted',
  finishReason: null,
};

export const assistantIncomplete: ChatMessage = {
  ...assistantAnswer,
  id: 'assistant-incomplete',
  parts: [{ type: 'text', text: 'The release notes list twelve changes. The first' }],
  status: 'incomplete',
  finishReason: 'length',
};

export const assistantError: ChatMessage = {
  id: 'assistant-error',
  role: 'assistant',
  parts: [{ type: 'text', text: 'Here is what I found so' }],
  createdAt: T0 + 3000,
  status: 'error',
  model: 'parley/echo',
  error: { kind: 'stream', message: 'The provider stopped responding mid-stream.', code: 502 },
};

/** Ended by the provider with an error chunk (`finish_reason: "error"`), as the chat store keeps it. */
export const assistantErrorFinish: ChatMessage = {
  ...assistantError,
  id: 'assistant-error-finish',
  finishReason: 'error',
  provider: 'Mynah',
  error: {
    kind: 'stream',
    message: 'Provider returned error',
    code: 502,
    type: 'provider_error',
    providerName: 'Mynah',
  },
};

export const assistantReasoning: ChatMessage = {
  id: 'assistant-reasoning',
  role: 'assistant',
  parts: [{ type: 'text', text: 'The answer is **42**.' }],
  createdAt: T0 + 4000,
  status: 'complete',
  model: 'parley/reasoner',
  provider: 'Parley Simulator',
  reasoning: {
    text: 'The user asks for the answer. Recall the classic reference, then check the arithmetic: 6 × 7 = 42.',
    details: [
      { type: 'reasoning.summary', summary: 'Recalled the reference and checked 6 × 7.', index: 0 },
      {
        type: 'reasoning.text',
        text: 'The user asks for the answer. Recall the classic reference, then check the arithmetic: 6 × 7 = 42.',
        signature: 'sig-abc',
        index: 1,
      },
      { type: 'reasoning.encrypted', data: 'gAAAAABlZXhhbXBsZQ==', index: 2 },
    ],
    durationMs: 3200,
  },
  usage: {
    prompt_tokens: 30,
    completion_tokens: 220,
    total_tokens: 250,
    completion_tokens_details: { reasoning_tokens: 184 },
  },
  timing: { startedAt: T0 + 4000, reasoningStartedAt: T0 + 4100, reasoningEndedAt: T0 + 7300, firstTokenAt: T0 + 7400, endedAt: T0 + 7600 },
};

export const assistantToolCalls: ChatMessage = {
  id: 'assistant-tools',
  role: 'assistant',
  parts: [],
  createdAt: T0 + 5000,
  status: 'complete',
  model: 'parley/tool-caller',
  finishReason: 'tool_calls',
  toolCalls: [
    {
      id: 'call-weather',
      index: 0,
      name: 'get_weather',
      argumentsText: '{"city":"Lisbon","unit":"celsius"}',
      state: 'done',
      result: '{"temperature":21,"sky":"clear"}',
    },
    {
      id: 'call-email',
      index: 1,
      name: 'send_email',
      argumentsText: '{"to":"team@example.com","subject":"Weather"}',
      state: 'awaiting-approval',
    },
  ],
};

export const userWithMedia: ChatMessage = {
  id: 'user-media',
  role: 'user',
  parts: [
    { type: 'text', text: 'What is in this picture and this recording?' },
    { type: 'image', url: pixelPng, alt: 'A single blue pixel' },
    { type: 'audio', data: toneWavBase64(0.5), format: 'wav', name: 'tone.wav' },
  ],
  createdAt: T0 + 6000,
  status: 'complete',
};

/** A short exchange covering the common states. */
export const conversation: ChatMessage[] = [userQuestion, assistantAnswer, userWithMedia, assistantReasoning];

const SHORT_REPLIES = [
  'Sure: here is a short answer.',
  'It depends on the **configuration**; the default is fine for most apps.',
  'Three steps:\n\n1. Install\n2. Configure\n3. Run',
  'Use `pnpm test` to run everything.',
  'A longer reply, to vary the row heights.\n\nIt has a second paragraph, and a list:\n\n- one\n- two\n- three',
];

/** `count` alternating user and assistant messages with varied heights, for virtualisation. */
export function longConversation(count: number): ChatMessage[] {
  return Array.from({ length: count }, (_, index): ChatMessage => {
    const role = index % 2 === 0 ? 'user' : 'assistant';
    const text = role === 'user' ? `Question number ${index / 2 + 1}?` : (SHORT_REPLIES[index % SHORT_REPLIES.length] ?? '');
    return { id: `m${index}`, role, parts: [{ type: 'text', text }], createdAt: T0 + index * 1000, status: 'complete' };
  });
}
