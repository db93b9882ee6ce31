import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStreamingJson } from './streaming-json.ts';

/** Reads `text` as a stream cut at `cuts`, calling `each` after every read. */
function readInPieces(
  text: string,
  cuts: number[],
  each?: (reader: ReturnType<typeof createStreamingJson>) => void,
) {
  const reader = createStreamingJson();
  for (const end of [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b)) {
    reader.read(text.slice(0, end));
    each?.(reader);
  }
  reader.read(text);
  each?.(reader);
  return reader;
}

/** Every object and array in `value` with its JSON at this moment. */
function containers(value: unknown, found = new Map<object, string>()): Map<object, string> {
  if (value === null || typeof value !== 'object') return found;
  found.set(value, JSON.stringify(value));
  for (const child of Object.values(value)) containers(child, found);
  return found;
}

const texts = fc
  .tuple(fc.jsonValue(), fc.constantFrom(undefined, 2))
  .map(([value, indent]) => JSON.stringify(value, null, indent));

describe('createStreamingJson', () => {
  it('ends with the value JSON.parse reads, however the text is cut', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.nat(), { maxLength: 30 }), (text, cuts) => {
        const reader = readInPieces(text, cuts);
        expect(reader.hasValue).toBe(true);
        expect(reader.value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('never changes a container again once it closed, so a renderer can skip it', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.nat(), { maxLength: 30 }), (text, cuts) => {
        const closed = new Map<object, string>();
        readInPieces(text, cuts, (reader) => {
          for (const [container, json] of containers(reader.value)) {
            const before = closed.get(container);
            if (before !== undefined) expect(json).toBe(before);
            else if (!reader.isOpen(container)) closed.set(container, json);
          }
        });
      }),
    );
  });

  it('shows a reply as it arrives: open containers, growing strings, whole literals', () => {
    const reader = createStreamingJson();
    reader.read('{"city": "Lis');
    expect(reader.value).toEqual({ city: 'Lis' });
    expect(reader.isOpen(reader.value)).toBe(true);
    const root = reader.value;
    reader.read('{"city": "Lisbon", "days": [1, 2');
    // The same object, grown in place; the number at the end shows as far as it reads.
    expect(reader.value).toBe(root);
    expect(reader.value).toEqual({ city: 'Lisbon', days: [1, 2] });
    reader.read('{"city": "Lisbon", "days": [1, 2], "sunny": tr');
    expect(reader.value).toEqual({ city: 'Lisbon', days: [1, 2] });
    const days = (reader.value as { days: unknown }).days;
    expect(reader.isOpen(days)).toBe(false);
    reader.read('{"city": "Lisbon", "days": [1, 2], "sunny": true}');
    expect(reader.value).toEqual({ city: 'Lisbon', days: [1, 2], sunny: true });
    expect(reader.isOpen(reader.value)).toBe(false);
  });

  it('reads escapes split across reads', () => {
    const reader = createStreamingJson();
    const text = '["a\\n\\u00e9\\ud83d\\ude00"]';
    for (let end = 1; end <= text.length; end++) reader.read(text.slice(0, end));
    expect(reader.value).toEqual(['a\né😀']);
  });

  it('counts a revision for each read that added text', () => {
    const reader = createStreamingJson();
    reader.read('[1');
    const first = reader.revision;
    reader.read('[1');
    expect(reader.revision).toBe(first);
    reader.read('[1, 2]');
    expect(reader.revision).toBe(first + 1);
  });

  it('starts over when the text does not continue what it read', () => {
    const reader = createStreamingJson();
    reader.read('{"a": [1, 2, 3]');
    reader.read('{"b": 1}');
    expect(reader.value).toEqual({ b: 1 });
    reader.read('[');
    expect(reader.value).toEqual([]);
  });

  it('stops quietly at text that cannot be JSON and keeps what it read', () => {
    const reader = createStreamingJson();
    reader.read('{"a": [1, 2} and more');
    expect(reader.value).toEqual({ a: [1, 2] });
    const fenced = createStreamingJson();
    fenced.read('```json\n{"a": 1}');
    expect(fenced.hasValue).toBe(false);
  });

  it('keeps a __proto__ key as data, as JSON.parse does, without touching the prototype', () => {
    const reader = createStreamingJson();
    reader.read('{"__proto__": {"polluted": true}}');
    const value = reader.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
