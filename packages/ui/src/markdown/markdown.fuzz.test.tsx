import { render } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liveDomProblems } from '../__fixtures__/live-dom.ts';
import { Markdown } from './markdown.tsx';

// Pieces of ordinary, unfinished and hostile markdown; the fuzzer strings them together.
const pieces = [
  '# Title',
  'text',
  'more words here',
  '**bold',
  '*em*',
  '_under_',
  '~~gone~~',
  '`code',
  '- item',
  '  - nested',
  '1. one',
  '> quote',
  '> > > > > > > > > > > > > > > > > > > > deep',
  '- - - - - - - - - - - - - - - - - - - - - deep',
  '| a | b |',
  '| --- | --- |',
  '|| | | | | | | | | | | | | | | | | |',
  '```js',
  '~~~',
  '```',
  '    indented code',
  '[x]: https://example.com',
  '[link][x]',
  '[ok](https://example.com)',
  '[bad](javascript:alert(1))',
  '![img](https://example.com/a.png)',
  '![svg](data:image/svg+xml;base64,PHN2Zz4=)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  'https://example.com/auto and www.example.com',
  '*'.repeat(40),
  '_*'.repeat(30),
  '['.repeat(30),
  '`'.repeat(9),
  '&#x3c;script&#x3e;',
  '\\',
  '',
  ' ',
  '\t',
  '---',
  '===',
  '- [ ] task',
  '- [x] done',
];

const markdown = fc
  .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('\n', '\n\n', ' ', '', '\r\n')), {
    maxLength: 24,
  })
  .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));

// The DOM a reader gets, up to what does not show: attribute order, a long streamed table's
// rows in several <tbody> chunks rather than one, and whether a code block's highlighting (loaded
// asynchronously, as decoration) has arrived yet in one render and not the other.
function shown(container: HTMLElement): HTMLElement {
  // A code block's text as a reader sees and copies it (a long highlighted block is in blocks of lines).
  const codeTexts = [...container.querySelectorAll<HTMLElement>('[data-slot="code-block"] code')].map(
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text (line breaks of blocks included)
    (code) => code.innerText,
  );
  const copy = container.cloneNode(true) as HTMLElement;
  for (const body of copy.querySelectorAll('tbody + tbody')) {
    body.previousElementSibling?.append(...body.childNodes);
    body.remove();
  }
  for (const [index, block] of [...copy.querySelectorAll('[data-slot="code-block"]')].entries()) {
    block.removeAttribute('data-state');
    // The highlighted code's token spans become the plain text they hold.
    block.querySelector('code')?.replaceChildren(codeTexts[index] ?? '');
  }
  return copy;
}

// Generous: a guard against hangs and blow-ups, not a measure of speed (that is bench/'s job).
const MAX_MS_PER_PREFIX = 2000;

describe('Markdown streamed prefix by prefix (fuzz)', () => {
  it('never throws, never hangs, never makes live DOM, and ends as a single render would', {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(markdown, fc.integer({ min: 1, max: 40 }), (text, step) => {
        const view = render(<Markdown streaming>{''}</Markdown>);
        for (let end = 0; end < text.length; end = Math.min(end + step, text.length)) {
          const started = performance.now();
          view.rerender(<Markdown streaming>{text.slice(0, end + step)}</Markdown>);
          expect(performance.now() - started).toBeLessThan(MAX_MS_PER_PREFIX);
          expect(liveDomProblems(view.container)).toEqual([]);
        }
        view.rerender(<Markdown>{text}</Markdown>);
        const once = render(<Markdown>{text}</Markdown>);
        const streamed = shown(view.container);
        const single = shown(once.container);
        if (!streamed.isEqualNode(single)) expect(streamed.innerHTML).toBe(single.innerHTML);
        view.unmount();
        once.unmount();
      }),
      { numRuns: 60 },
    );
  });
});
