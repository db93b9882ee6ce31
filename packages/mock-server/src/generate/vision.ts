import type { ContentPart } from '@parley/client';
import { lastIndexOfRole, plural } from './conversation.ts';
import { describeConversation } from './echo.ts';
import { formatBytes, inspectPart, type MediaInfo } from './media.ts';
import { type GenerationContext, type Turn, textTurn } from './turn.ts';

/**
 * `parley/vision`: says what it received in the last user message (kind, format, size, pixel
 * size where the header tells), then reflects the text like the echo model.
 */
export function generateVision(context: GenerationContext): Turn {
  const { messages } = context.params;
  const index = lastIndexOfRole(messages, 'user');
  const message = messages[index];
  const parts = message && Array.isArray(message.content) ? (message.content as ContentPart[]) : [];
  const media = parts.flatMap((part, position) => {
    const info = inspectPart(part, `messages[${index}].content[${position}]`);
    return info ? [info] : [];
  });
  const reflection = describeConversation(messages, context.rng);
  if (media.length === 0) return textTurn(`I see no image, audio or video in your message. ${reflection}`);
  const lines = media.map((info, position) => `${position + 1}. ${describe(info)}`);
  return textTurn(
    [`I received ${plural(media.length, 'attachment')}:`, lines.join('\n'), reflection].join('\n\n'),
  );
}

function describe(info: MediaInfo): string {
  const article = info.kind === 'image' ? 'an image' : info.kind === 'audio' ? 'an audio clip' : 'a video';
  const facts = [info.format === 'unknown' ? 'format unknown' : info.format];
  if (info.dimensions) facts.push(`${info.dimensions.width}×${info.dimensions.height} pixels`);
  facts.push(
    info.bytes === null ? 'size unknown: a remote URL, which I do not fetch' : formatBytes(info.bytes),
  );
  facts.push(`sent as ${info.source}`);
  if (info.detail) facts.push(`detail ${info.detail}`);
  return `${article} (${facts.join(', ')})`;
}
