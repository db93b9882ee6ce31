/**
 * Test support (not exported by the package): feeding a byte stream in awkward slices, whole, one
 * byte per read and at seeded random cuts, as a slow or fragmenting network delivers it
 * (rexxars/eventsource-parser `test/fixtures.ts` does the same).
 */

export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts)].filter((cut) => cut > 0 && cut < bytes.length).sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.slice(start, point));
    start = point;
  }
  return pieces;
}

/** One read per piece, as a network body delivers them. */
export function bodyOf(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[next++];
      if (piece) controller.enqueue(piece);
      else controller.close();
    },
  });
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const splits: Array<[string, (bytes: Uint8Array) => Uint8Array[]]> = [
  ['whole', (bytes) => [bytes]],
  [
    'one byte at a time',
    (bytes) =>
      splitAt(
        bytes,
        Array.from(bytes, (_, i) => i),
      ),
  ],
  [
    'random splits',
    (bytes) => {
      const random = seededRandom(bytes.length);
      return splitAt(
        bytes,
        Array.from({ length: 40 }, () => Math.floor(random() * bytes.length)),
      );
    },
  ],
];
