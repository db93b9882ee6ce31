import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { richMarkdown } from '../__fixtures__/markdown-samples.ts';
import { completeMarkdown } from './complete-markdown.ts';
import { splitMarkdown, splitMarkdownBlocks } from './split-blocks.ts';

const pieces = [
  '# Title',
  'text',
  '**bold',
  '`code',
  '- item',
  '1. one',
  '| a | b |',
  '| - | - |',
  '```js',
  '```',
  '> quote',
  '[x]: https://e.com',
  '',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
];

describe('splitMarkdownBlocks', () => {
  it('splits a reply into its top-level blocks', () => {
    const blocks = splitMarkdownBlocks(richMarkdown);
    expect(blocks[0]).toBe('# Release notes\n\n');
    expect(blocks.some((block) => block.startsWith('| Feature | Status |'))).toBe(true);
    expect(blocks.some((block) => block.startsWith('```ts'))).toBe(true);
  });

  it('loses no text: the blocks always join back into the source (CRLF as LF)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const source = parts.join('\n');
        expect(splitMarkdownBlocks(source).join('')).toBe(source.replace(/\r\n?/g, '\n'));
      }),
    );
  });

  it('flags link reference definitions', () => {
    expect(splitMarkdown('See [a][1].\n\n[1]: https://e.com\n').map((block) => block.definition)).toEqual([
      false,
      true,
    ]);
  });
});

describe('completeMarkdown', () => {
  it.each([
    ['The **answer', 'The **answer**'],
    ['Run `pnpm', 'Run `pnpm`'],
    ['A ~~mistake', 'A ~~mistake~~'],
    ['See [docs](https://exa', 'See docs'],
    ['Chart: ![chart](https://exa', 'Chart: '],
  ])('closes %j', (tail, expected) => {
    expect(completeMarkdown(tail)).toBe(expected);
  });

  it('completes a table head whose delimiter row is still arriving', () => {
    expect(completeMarkdown('| Model | Speed |\n| --- | -')).toBe('| Model | Speed |\n| --- | --- |\n');
    expect(completeMarkdown('| Model | Speed |\n')).toBe('| Model | Speed |\n| --- | --- |\n');
  });

  it('leaves a header line alone until it is finished, and paragraphs of pipes that are not tables', () => {
    expect(completeMarkdown('| Model | Spe')).toBe('| Model | Spe');
    expect(completeMarkdown('| a | b |\n| c')).toBe('| a | b |\n| c');
  });
});
