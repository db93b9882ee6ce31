/**
 * A JSON reader for text that grows at its end (a streamed `json_object` or `json_schema` reply):
 * each `read` parses only what was appended since the last one, so a token costs work in proportion
 * to the token, not to the reply.
 *
 * The value is built in place, as the text allows: containers appear as soon as they open, a string
 * grows as its characters arrive, a number shows as far as it reads, `true`, `false` and `null`
 * once whole, a key once its value starts (jsonriver's invariants). Closed containers never change
 * again, so a renderer can skip them by identity; the ones still open (`isOpen`) change in place,
 * and `revision` counts the reads that changed anything.
 *
 * Lenient by design: it shows what it can and stops quietly at the first character that cannot be
 * JSON. The complete reply is judged by `JSON.parse`, not by this reader.
 */

type Container = unknown[] | Record<string, unknown>;

interface Frame {
  container: Container;
  /** Objects: the key whose value is being read (or was just read), `undefined` before one. */
  key: string | undefined;
}

// What the reader expects next, outside strings, numbers and literals.
type Expect = 'value' | 'first-key' | 'key' | 'colon' | 'after-value' | 'done' | 'failed';

type Token = 'none' | 'string' | 'key' | 'number' | 'literal';

const LITERALS: Record<string, unknown> = { true: true, false: false, null: null };
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
// Enough of the text read so far to recognise a text that grew from it, checked in O(1).
const TAIL_CHECK = 32;
const WHITESPACE = /[ \t\n\r]/;
const NUMBER_CHAR = /[-+.eE0-9]/;

/** A value being read from text that grows at its end. */
export interface StreamingJson {
  /**
   * Reads what `text` adds to the text read so far. A text that does not continue it (shorter,
   * or with a different end) is read again from the start.
   */
  read(text: string): void;
  /** The value so far; `undefined` until the first value starts. */
  readonly value: unknown;
  readonly hasValue: boolean;
  /** Counts the reads that changed the value: a changed revision means open containers changed in place. */
  readonly revision: number;
  /** Whether `value` is an object or array still being read (it may still change in place). */
  isOpen(value: unknown): boolean;
}

/** Sets `key` on a parsed object as `JSON.parse` does: `__proto__` is an own property, not the prototype. */
function setProperty(target: Record<string, unknown>, key: string, value: unknown) {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else target[key] = value;
}

/** A reader with nothing read yet. */
export function createStreamingJson(): StreamingJson {
  let consumed = 0;
  let tail = '';
  let root: unknown;
  let hasValue = false;
  let revision = 0;
  let stack: Frame[] = [];
  let open = new Set<object>();
  let expect: Expect = 'value';
  let token: Token = 'none';
  let buffer = '';
  let pendingEscape: '' | '\\' | 'u' = '';
  let unicode = '';
  // Array slots (or object keys) the current string or number was placed at.
  let placedIndex = -1;

  function reset() {
    consumed = 0;
    tail = '';
    root = undefined;
    hasValue = false;
    stack = [];
    open = new Set();
    expect = 'value';
    token = 'none';
    buffer = '';
    pendingEscape = '';
    unicode = '';
    placedIndex = -1;
    revision += 1;
  }

  /** Puts `value` where the value being read goes; `again` replaces what the current token placed. */
  function place(value: unknown, again: boolean) {
    const frame = stack[stack.length - 1];
    if (!frame) {
      root = value;
      hasValue = true;
      return;
    }
    if (Array.isArray(frame.container)) {
      if (again && placedIndex >= 0) frame.container[placedIndex] = value;
      else {
        placedIndex = frame.container.length;
        frame.container.push(value);
      }
    } else if (frame.key !== undefined) {
      setProperty(frame.container, frame.key, value);
    }
  }

  function openContainer(container: Container) {
    place(container, false);
    stack.push({ container, key: undefined });
    open.add(container);
    expect = Array.isArray(container) ? 'value' : 'first-key';
  }

  function closeContainer(isArray: boolean): boolean {
    const frame = stack[stack.length - 1];
    if (!frame || Array.isArray(frame.container) !== isArray) return false;
    stack.pop();
    open.delete(frame.container);
    valueEnded();
    return true;
  }

  function valueEnded() {
    token = 'none';
    buffer = '';
    placedIndex = -1;
    expect = stack.length === 0 ? 'done' : 'after-value';
  }

  function fail() {
    expect = 'failed';
    token = 'none';
  }

  /** The number as far as it reads: `-`, `1.` and `1e` wait for their next character. */
  function publishNumber(final: boolean) {
    const number = Number(buffer);
    if (buffer === '' || !Number.isFinite(number) || (!final && /[-+.eE]$/.test(buffer))) {
      if (final) fail();
      return;
    }
    place(number, placedIndex >= 0 || stack[stack.length - 1]?.key !== undefined);
  }

  /** Reads one string segment up to a quote or backslash; returns the index after it. */
  function readString(text: string, start: number): number {
    let index = start;
    while (index < text.length) {
      const char = text[index] as string;
      if (pendingEscape === 'u') {
        unicode += char;
        index += 1;
        if (unicode.length === 4) {
          if (!/^[0-9a-fA-F]{4}$/.test(unicode)) {
            fail();
            return text.length;
          }
          buffer += String.fromCharCode(Number.parseInt(unicode, 16));
          pendingEscape = '';
          unicode = '';
        }
        continue;
      }
      if (pendingEscape === '\\') {
        pendingEscape = '';
        index += 1;
        if (char === 'u') pendingEscape = 'u';
        else if (ESCAPES[char] !== undefined) buffer += ESCAPES[char];
        else {
          fail();
          return text.length;
        }
        continue;
      }
      // Copy the plain run at once: a token costs a slice, not a concatenation per character.
      let end = index;
      while (end < text.length && text[end] !== '"' && text[end] !== '\\') end += 1;
      if (end > index) buffer += text.slice(index, end);
      index = end;
      if (index >= text.length) break;
      if (text[index] === '\\') {
        pendingEscape = '\\';
        index += 1;
        continue;
      }
      // The closing quote.
      index += 1;
      if (token === 'key') {
        const frame = stack[stack.length - 1] as Frame;
        frame.key = buffer;
        token = 'none';
        buffer = '';
        expect = 'colon';
      } else {
        place(buffer, true);
        valueEnded();
      }
      return index;
    }
    // The string goes on in a later read: show it as far as it came.
    if (token === 'string') place(buffer, true);
    return index;
  }

  function startValue(char: string): boolean {
    if (char === '{') openContainer({});
    else if (char === '[') openContainer([]);
    else if (char === '"') {
      token = 'string';
      buffer = '';
      placedIndex = -1;
      place('', false);
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      token = 'number';
      buffer = char;
      placedIndex = -1;
    } else if (char === 't' || char === 'f' || char === 'n') {
      token = 'literal';
      buffer = char;
    } else return false;
    return true;
  }

  function step(text: string, start: number): number {
    const char = text[start] as string;
    if (token === 'string' || token === 'key') return readString(text, start);
    if (token === 'number') {
      if (NUMBER_CHAR.test(char)) {
        buffer += char;
        return start + 1;
      }
      publishNumber(true);
      if (expect === 'failed') return text.length;
      valueEnded();
      return start; // the delimiter is read in the state after the value
    }
    if (token === 'literal') {
      buffer += char;
      const literal = Object.keys(LITERALS).find((word) => word.startsWith(buffer));
      if (literal === undefined) {
        fail();
        return text.length;
      }
      if (literal === buffer) {
        place(LITERALS[literal], false);
        valueEnded();
      }
      return start + 1;
    }
    if (WHITESPACE.test(char)) return start + 1;
    switch (expect) {
      case 'value':
        if (char === ']' && closeContainer(true)) return start + 1;
        if (!startValue(char)) fail();
        break;
      case 'first-key':
        if (char === '}' && closeContainer(false)) return start + 1;
        if (char === '"') token = 'key';
        else fail();
        buffer = '';
        break;
      case 'key':
        if (char === '"') token = 'key';
        else fail();
        buffer = '';
        break;
      case 'colon':
        if (char === ':') expect = 'value';
        else fail();
        break;
      case 'after-value': {
        const frame = stack[stack.length - 1] as Frame;
        const isArray = Array.isArray(frame.container);
        if (char === ',') expect = isArray ? 'value' : 'key';
        else if (char === (isArray ? ']' : '}')) closeContainer(isArray);
        else fail();
        break;
      }
      default:
        fail();
    }
    return start + 1;
  }

  return {
    read(text) {
      const continues = text.length >= consumed && text.startsWith(tail, consumed - tail.length);
      if (!continues) reset();
      if (text.length === consumed) return;
      let index = consumed;
      while (index < text.length && expect !== 'failed') {
        if (expect === 'done' && token === 'none') {
          // Only whitespace may follow the value.
          if (!WHITESPACE.test(text[index] as string)) fail();
          index += 1;
          continue;
        }
        index = step(text, index);
      }
      // A number at the very end may still grow: show it as far as it reads.
      if (token === 'number') publishNumber(false);
      consumed = text.length;
      tail = text.slice(Math.max(0, consumed - TAIL_CHECK));
      revision += 1;
    },
    get value() {
      return root;
    },
    get hasValue() {
      return hasValue;
    },
    get revision() {
      return revision;
    },
    isOpen: (value) => typeof value === 'object' && value !== null && open.has(value),
  };
}
