import { settled } from './chat-stores.ts';

/** A short saved conversation of settled text, with markdown the preview renders. */
export const history = [
  settled('h1', 'user', 'What is a monad?'),
  settled('h2', 'assistant', 'A **monoid** in the category of endofunctors.'),
  settled('h3', 'user', 'In plain words?'),
  settled('h4', 'assistant', 'A way to chain steps that carry _context_.'),
];

/** Twelve short messages: more than a window of 600 px holds. */
export const longConversation = Array.from({ length: 12 }, (_, index) =>
  settled(`l${index}`, index % 2 ? 'assistant' : 'user', `Message number ${index}`),
);
