import type { Message, ReasoningDetail } from '@parley/client';
import { invalidRequest } from '../http/errors.ts';
import { textOf } from './conversation.ts';
import type { ReasonerMemory } from './reasoner-memory.ts';
import {
  encryptReasoning,
  isOurEncryption,
  isOurSignature,
  REASONING_ID_PREFIX,
  signReasoning,
} from './signature.ts';

/**
 * Whether the assistant message at `index` is the turn a tool round continues from: it called tools
 * and nothing but their results follows. That is the one place Anthropic requires the thinking
 * block back (to continue a tool use); earlier turns' thinking may be left out.
 * @see https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking#preserving-thinking-blocks
 */
function continuesToolRound(messages: readonly Message[], index: number): boolean {
  const message = messages[index];
  if (message?.role !== 'assistant' || !message.tool_calls?.length) return false;
  return messages.slice(index + 1).every((next) => next.role === 'tool');
}

/**
 * Refuses a conversation in which an earlier answer of the reasoning model comes back with its
 * reasoning_details changed, anywhere, or without them where a provider needs them: the turn a tool
 * round continues from (as Anthropic does for thinking blocks). An earlier turn sent back without
 * its reasoning (a reply that was stopped or cut, a client that strips reasoning) is accepted, so a
 * conversation never locks. Details of other models are left alone. Fragments are accepted as well
 * as merged entries, since both are faithful copies of what was streamed.
 */
export function checkReasoningContinuity(messages: readonly Message[], memory: ReasonerMemory): void {
  messages.forEach((message, index) => {
    if (message.role !== 'assistant') return;
    const param = `messages[${index}].reasoning_details`;
    const details = message.reasoning_details ?? [];
    const ours = details.filter(isOurs);
    if (ours.length === 0) {
      if (continuesToolRound(messages, index) && memory.gave(textOf(message.content))) {
        throw invalidRequest(
          `messages[${index}] is an earlier answer of this reasoning model, sent back without its reasoning_details. Send the assistant message's reasoning_details back unchanged to continue the conversation.`,
          param,
          'missing_reasoning_details',
        );
      }
      return;
    }
    verify(ours, param, index);
  });
}

function isOurs(detail: ReasoningDetail): boolean {
  if (detail.id?.startsWith(REASONING_ID_PREFIX)) return true;
  if (detail.type === 'reasoning.text' && detail.signature) return isOurSignature(detail.signature);
  if (detail.type === 'reasoning.encrypted') return isOurEncryption(detail.data);
  return false;
}

function verify(details: ReasoningDetail[], param: string, index: number): void {
  const texts = details.filter((detail) => detail.type === 'reasoning.text');
  const text = texts.map((detail) => detail.text ?? '').join('');
  const signature = texts.find((detail) => detail.signature)?.signature;
  const refuse = (what: string) =>
    invalidRequest(
      `Invalid reasoning_details in messages[${index}]: ${what}. Send reasoning_details back exactly as they were received.`,
      param,
      'invalid_reasoning_details',
    );
  if (texts.length === 0) throw refuse('the reasoning.text entry is missing');
  if (!signature) throw refuse('the reasoning.text entry has no signature');
  if (signature !== signReasoning(text)) throw refuse('the signature does not match the reasoning text');
  for (const detail of details) {
    if (detail.type === 'reasoning.encrypted' && detail.data !== encryptReasoning(text)) {
      throw refuse('the reasoning.encrypted data was altered');
    }
  }
}
