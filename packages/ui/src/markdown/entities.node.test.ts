import { describe, expect, it } from 'vitest';
import { decodeHTMLStrict } from './entities.ts';

describe('Named character references without a DOM (server rendering)', () => {
  it('decodes the common names and leaves the others as written', () => {
    expect(['&copy;', '&nbsp;', '&rarr;', '&hellip;', '&amp;'].map(decodeHTMLStrict)).toEqual([
      '©',
      '\u00a0',
      '→',
      '…',
      '&',
    ]);
    expect(decodeHTMLStrict('&HilbertSpace;')).toBe('&HilbertSpace;');
  });
});
