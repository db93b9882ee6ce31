// Stands in for the `entities` package inside markdown-it (see markdown-entities.ts at the
// repository root, the bundler plugin that swaps it in, here and in the published dist). markdown-it decodes numeric references
// itself and asks `entities` only for named ones (`&copy;`), and `entities` brings the whole HTML5
// table for that: about 30 kB of bundle, decoded into a trie when the module loads (about 40 ms of
// a first open on a loaded machine). Here the browser's own HTML parser decodes a name when one
// is met, so the table costs nothing; without a DOM (server rendering) a small table of the names
// replies actually use does, and other names stay as written.

// Only this shape is ever decoded: a name and its semicolon, nothing the parser could read as markup.
const NAMED_REFERENCE = /^&[a-z][a-z0-9]{1,31};$/i;
// What is left when the HTML parser decoded only a legacy prefix (`&notit;` reads as `¬it;`): the
// strict form, which markdown-it wants, takes the whole name or nothing.
const PARTIAL = /[a-z0-9];$/i;

/** Named references replies use, for rendering without a DOM. */
const COMMON: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  minus: '−',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  infin: '∞',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  lArr: '⇐',
  rArr: '⇒',
  hArr: '⇔',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  micro: 'µ',
  check: '✓',
  star: '☆',
  hearts: '♥',
};

let scratch: HTMLTextAreaElement | undefined;

/**
 * Decodes one named character reference (`&copy;` to `©`) as HTML5 does in strict mode, or
 * returns the text unchanged when it is not one. The signature markdown-it imports from `entities`.
 */
export function decodeHTMLStrict(text: string): string {
  if (!NAMED_REFERENCE.test(text)) return text;
  if (typeof document === 'undefined') return COMMON[text.slice(1, -1)] ?? text;
  // A <textarea>'s content is text to the parser (RCDATA): references are decoded, no element is
  // ever made, and the element is never attached to the page.
  scratch ??= document.createElement('textarea');
  scratch.innerHTML = text;
  const decoded = scratch.value;
  return decoded === text || PARTIAL.test(decoded) ? text : decoded;
}
