/**
 * The simulator's tokenizer: a word with its leading whitespace, or one punctuation mark. Real
 * tokenizers split finer, but this keeps streamed deltas readable and counts stable; usage counts
 * and `after=N` scenario parameters are in these tokens.
 */
const TOKEN_PATTERN = /\s*[\p{L}\p{N}_'’]+|\s*[^\s\p{L}\p{N}_'’]|\s+$/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN_PATTERN) ?? [];
}

export function countTokens(text: string): number {
  return tokenize(text).length;
}

/** Splits a string into pieces of at most `size` characters, for streaming JSON arguments. */
export function splitEvery(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += size) pieces.push(text.slice(index, index + size));
  return pieces;
}
