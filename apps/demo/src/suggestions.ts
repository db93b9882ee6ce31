import type { ChatPart } from '@parley/client/chat';
import type { GenerationParams } from '@parley/react';

/** A suggested first message: the model that shows the feature off, and what it sends. */
export interface Suggestion {
  id: 'tools' | 'reasoning' | 'structured' | 'image';
  title: string;
  prompt: string;
  /** The simulated model that does it; the suggestion makes it the chosen model. */
  model: string;
  /** Parameters it needs on top of the person's (structured output's response format). */
  params?: GenerationParams;
  /** It sends a picture along (drawn here, so the demo ships no image file). */
  image?: boolean;
}

const RECIPE_FORMAT: GenerationParams = {
  response_format: {
    type: 'json_schema',
    json_schema: {
      name: 'recipe',
      strict: true,
      schema: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          servings: { type: 'integer', minimum: 1, maximum: 12 },
          ingredients: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 6 },
        },
        required: ['name', 'servings', 'ingredients'],
        additionalProperties: false,
      },
    },
  },
};

/** What the empty chat offers: one of each thing the simulator can show. */
export const SUGGESTIONS: Suggestion[] = [
  {
    id: 'tools',
    title: 'Use a tool',
    prompt: 'What time is it in Tokyo right now?',
    model: 'parley/tool-caller',
  },
  {
    id: 'reasoning',
    title: 'Think it through',
    prompt: 'Plan a rainy Sunday in Lisbon, reasoning step by step.',
    model: 'parley/reasoner',
  },
  {
    id: 'structured',
    title: 'Answer as JSON',
    prompt: 'Give me a pancake recipe.',
    model: 'parley/structured',
    params: RECIPE_FORMAT,
  },
  {
    id: 'image',
    title: 'Look at a picture',
    prompt: 'What is in this picture?',
    model: 'parley/vision',
    image: true,
  },
];

/** A small landscape drawn on a canvas: a PNG the vision model can measure. */
async function drawPicture(): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 100;
  const context = canvas.getContext('2d');
  if (context) {
    context.fillStyle = '#8ecae6';
    context.fillRect(0, 0, 160, 100);
    context.fillStyle = '#ffb703';
    context.beginPath();
    context.arc(120, 30, 14, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = '#2a9d8f';
    context.beginPath();
    context.moveTo(0, 100);
    context.quadraticCurveTo(50, 40, 100, 100);
    context.quadraticCurveTo(130, 60, 160, 100);
    context.fill();
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be drawn.'))),
      'image/png',
    ),
  );
}

/** The message a suggestion sends: its prompt, and the picture when it has one. */
export async function suggestionParts(
  suggestion: Suggestion,
  fileToPart: (file: File) => Promise<ChatPart>,
): Promise<ChatPart[]> {
  const parts: ChatPart[] = [{ type: 'text', text: suggestion.prompt }];
  if (suggestion.image) {
    const file = new File([await drawPicture()], 'landscape.png', { type: 'image/png' });
    parts.push(await fileToPart(file));
  }
  return parts;
}
