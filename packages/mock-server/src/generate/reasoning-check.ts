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
 * Refuses a conversation in which an earlier answer of the reasoning model comes back without its
 * reasoning_details, or with them changed, as Anthropic does for thinking blocks. Details of other
 * models are left alone. Fragments are accepted as well as merged entries, since both are
 * faithful copies of what was streamed.
 */
export function checkReasoningContinuity(messages: readonly Message[], memory: ReasonerMemory): void {
  messages.forEach((message, index) => {
    if (message.role !== 'assistant') return;
    const param = `messages[${index}].reasoning_details`;
    const details = message.reasoning_details ?? [];
    const ours = details.filter(isOurs);
    if (ours.length === 0) {
      if (memory.gave(textOf(message.content))) {
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
