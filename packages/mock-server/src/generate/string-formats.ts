import type { Rng } from './prng.ts';

/** A value for a JSON Schema string `format`, or undefined for formats it does not know. */
export function sampleFormat(format: string, rng: Rng, index: number): string | undefined {
  const day = String(1 + ((rng.int(0, 27) + index) % 28)).padStart(2, '0');
  const hex = (length: number) => Array.from({ length }, () => rng.int(0, 15).toString(16)).join('');
  switch (format) {
    case 'date':
      return `2025-03-${day}`;
    case 'date-time':
      return `2025-03-${day}T${String(rng.int(0, 23)).padStart(2, '0')}:30:00Z`;
    case 'time':
      return `${String(rng.int(0, 23)).padStart(2, '0')}:30:00Z`;
    case 'duration':
      return `PT${rng.int(1, 59)}M`;
    case 'email':
    case 'idn-email':
      return `user${index + 1}@example.com`;
    case 'uri':
    case 'url':
    case 'iri':
      return `https://example.com/item/${index + 1}`;
    case 'uri-reference':
    case 'iri-reference':
      return `/item/${index + 1}`;
    case 'hostname':
    case 'idn-hostname':
      return `host${index + 1}.example.com`;
    case 'ipv4':
      return `192.0.2.${rng.int(1, 254)}`;
    case 'ipv6':
      return `2001:db8::${hex(4)}`;
    case 'uuid':
      return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
    case 'byte':
      return btoa(`value ${index + 1}`);
    default:
      return undefined;
  }
}

/**
 * A string matching a simple regular expression: literals, escapes (\d \w \s), classes, groups
 * with alternatives, and quantifiers. Lookarounds and back-references give up (undefined), and
 * so does any result the real RegExp then rejects.
 */
export function sampleFromPattern(pattern: string, rng: Rng): string | undefined {
  try {
    const parser = new PatternParser(pattern, rng);
    const result = parser.alternatives();
    return new RegExp(pattern, 'u').test(result) ? result : undefined;
  } catch {
    return undefined;
  }
}

class PatternParser {
  #position = 0;
  readonly #source: string;
  readonly #rng: Rng;

  constructor(source: string, rng: Rng) {
    this.#source = source;
    this.#rng = rng;
  }

  alternatives(): string {
    const first = this.#sequence();
    // The first alternative is enough; skip the rest.
    while (this.#peek() === '|') {
      this.#position++;
      this.#sequence();
    }
    return first;
  }

  #peek(): string | undefined {
    return this.#source[this.#position];
  }

  #sequence(): string {
    let out = '';
    while (this.#position < this.#source.length && this.#peek() !== '|' && this.#peek() !== ')') {
      const atom = this.#atom();
      out += this.#quantify(atom);
    }
    return out;
  }

  #atom(): () => string {
    const char = this.#source[this.#position++];
    switch (char) {
      case '^':
      case '$':
        return () => '';
      case '.':
        return () => 'a';
      case '\\':
        return this.#escape();
      case '[':
        return this.#characterClass();
      case '(': {
        if (this.#source.startsWith('?:', this.#position)) this.#position += 2;
        else if (this.#peek() === '?') throw new Error('lookaround');
        const start = this.#position;
        const group = this.alternatives();
        if (this.#source[this.#position++] !== ')') throw new Error('unclosed group');
        const body = this.#source.slice(start, this.#position - 1);
        return () => (body === '' ? '' : new PatternParser(body, this.#rng).alternatives() || group);
      }
      default:
        return () => char ?? '';
    }
  }

  #escape(): () => string {
    const char = this.#source[this.#position++];
    switch (char) {
      case 'd':
        return () => String(this.#rng.int(0, 9));
      case 'w':
        return () => 'abcdefghijklmnopqrstuvwxyz'[this.#rng.int(0, 25)] ?? 'a';
      case 's':
        return () => ' ';
      case undefined:
        throw new Error('dangling escape');
      default:
        if (/[1-9bBDWSpPk]/.test(char)) throw new Error('unsupported escape');
        return () => char;
    }
  }

  #characterClass(): () => string {
    const negated = this.#peek() === '^';
    if (negated) this.#position++;
    const choices: string[] = [];
    while (this.#position < this.#source.length && this.#peek() !== ']') {
      let char = this.#source[this.#position++] ?? '';
      if (char === '\\') {
        const escaped = this.#source[this.#position++] ?? '';
        char = escaped === 'd' ? '0' : escaped === 'w' ? 'a' : escaped === 's' ? ' ' : escaped;
      }
      if (this.#peek() === '-' && this.#source[this.#position + 1] !== ']') {
        const end = this.#source[this.#position + 1] ?? char;
        this.#position += 2;
        for (let code = char.charCodeAt(0); code <= end.charCodeAt(0) && choices.length < 200; code++) {
          choices.push(String.fromCharCode(code));
        }
      } else choices.push(char);
    }
    this.#position++;
    if (negated) {
      const allowed = 'abcdefghijklmnopqrstuvwxyz0123456789'
        .split('')
        .filter((item) => !choices.includes(item));
      return () => allowed[0] ?? '_';
    }
    return () => this.#rng.pick(choices.length > 0 ? choices : ['a']);
  }

  #quantify(atom: () => string): string {
    const char = this.#peek();
    let min = 1;
    let max = 1;
    if (char === '?' || char === '*' || char === '+') {
      this.#position++;
      [min, max] = char === '?' ? [1, 1] : char === '*' ? [1, 3] : [1, 4];
    } else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.#source.slice(this.#position));
      if (match) {
        this.#position += match[0].length;
        min = Number(match[1]);
        max = match[2] === undefined ? min : match[3] ? Number(match[3]) : min + 2;
      }
    }
    if (this.#peek() === '?') this.#position++;
    const count = this.#rng.int(min, Math.min(max, min + 3));
    return Array.from({ length: count }, atom).join('');
  }
}
