import { invalidRequest } from '../http/errors.ts';
import { describeViolation, subschemaValidator } from './spec-validator.ts';

/**
 * The spec's unions (`Message`, `ChatMessageContentItem`) give Ajv no way to tell which branch a
 * value meant, so a wrong field in a user message would be reported as a missing `tool_call_id`.
 * This pass picks the branch by its discriminator first, as OpenAPI's `discriminator` intends,
 * and reports that branch's error; the whole-schema check still runs afterwards.
 */
const MESSAGE_BRANCHES: Record<string, string> = {
  system: 'SystemMessage',
  user: 'UserMessage',
  developer: 'Message2',
  assistant: 'AssistantMessage',
  tool: 'ToolResponseMessage',
};

const PART_BRANCHES: Record<string, string> = {
  text: 'ChatMessageContentItem/anyOf/0',
  image_url: 'ChatMessageContentItem/anyOf/1',
  input_audio: 'ChatMessageContentItem/anyOf/2',
  input_video: 'ChatMessageContentItem/anyOf/3',
  video_url: 'ChatMessageContentItem/anyOf/4',
};

const TEXT_ONLY_ROLES = new Set(['system', 'developer']);

export function checkDiscriminatedUnions(body: Record<string, unknown>): void {
  const messages = body.messages;
  if (!Array.isArray(messages)) return;
  messages.forEach((message: unknown, index) => {
    if (!message || typeof message !== 'object' || Array.isArray(message)) return;
    const role = (message as { role?: unknown }).role;
    const branch = typeof role === 'string' ? MESSAGE_BRANCHES[role] : undefined;
    if (!branch) {
      throw invalidRequest(
        `Invalid request: messages[${index}].role must be one of ${Object.keys(MESSAGE_BRANCHES).join(', ')}, got ${JSON.stringify(role ?? null)}.`,
        `messages[${index}].role`,
      );
    }
    const content = (message as { content?: unknown }).content;
    if (Array.isArray(content) && !TEXT_ONLY_ROLES.has(role as string))
      checkParts(content, `/messages/${index}/content`);
    const validate = subschemaValidator(branch);
    if (!validate(message)) {
      const violation = describeViolation(validate.errors ?? [], `/messages/${index}`);
      throw invalidRequest(violation.message, violation.param);
    }
  });
}

function checkParts(parts: unknown[], prefix: string): void {
  parts.forEach((part, index) => {
    const path = `${prefix}/${index}`;
    const type = part && typeof part === 'object' ? (part as { type?: unknown }).type : undefined;
    const branch = typeof type === 'string' ? PART_BRANCHES[type] : undefined;
    const param = path
      .slice(1)
      .replace(/\/(\d+)/g, '[$1]')
      .replaceAll('/', '.');
    if (!branch) {
      throw invalidRequest(
        `Invalid request: ${param}.type must be one of ${Object.keys(PART_BRANCHES).join(', ')}, got ${JSON.stringify(type ?? null)}.`,
        `${param}.type`,
      );
    }
    const validate = subschemaValidator(branch);
    if (!validate(part)) {
      const violation = describeViolation(validate.errors ?? [], path);
      throw invalidRequest(violation.message, violation.param);
    }
  });
}
