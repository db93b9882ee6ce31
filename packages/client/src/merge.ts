/**
 * Pure merges for the two fields that arrive as fragments and must be reassembled exactly:
 * `reasoning_details` (sent back verbatim on later turns, so a lost signature breaks the
 * conversation) and `tool_calls` (arguments streamed as raw JSON text).
 */
import type { ReasoningDetail, ToolCall, ToolCallDelta } from './wire-types.ts';

type DetailRecord = Record<string, unknown>;

/** Fields whose streamed fragments are pieces of one string, per entry type. */
const APPENDED_FIELD: Record<string, string> = {
  'reasoning.text': 'text',
  'reasoning.summary': 'summary',
  'reasoning.encrypted': 'data',
};

function findTarget(entries: readonly ReasoningDetail[], fragment: ReasoningDetail): number {
  if (typeof fragment.index === 'number') {
    // A loop, not findIndex with a closure: this runs once per reasoning chunk.
    for (let i = 0; i < entries.length; i++) if (entries[i]!.index === fragment.index) return i;
    return -1;
  }
  if (typeof fragment.id === 'string' && fragment.id !== '') {
    const byId = entries.findIndex((entry) => entry.id === fragment.id);
    if (byId !== -1) return byId;
  }
  // Without index or id, a fragment continues the latest entry of its type (providers stream
  // one entry at a time), unless that entry is keyed by index or id and so cannot be the same.
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.type !== fragment.type) continue;
    const keyed = typeof entry.index === 'number' || (typeof entry.id === 'string' && entry.id !== '');
    const sameId = typeof fragment.id === 'string' && fragment.id !== '' && entry.id === fragment.id;
    return keyed && !sameId ? -1 : i;
  }
  return -1;
}

/**
 * How an owner that merges in place appends a piece to an entry's text, summary or encrypted
 * data: it may keep pieces aside and write the field later (see {@link mergeReasoningDetails}).
 */
export type AppendDetailText = (entry: ReasoningDetail, key: string, piece: unknown) => void;

/**
 * Folds one fragment into its entry; returns the same object when the fragment adds nothing.
 * With `append`, the entry itself changes (its text through `append`) instead of a copy.
 */
function mergeDetail(
  entry: ReasoningDetail,
  fragment: ReasoningDetail,
  append: AppendDetailText | undefined,
): ReasoningDetail {
  const appended = APPENDED_FIELD[entry.type];
  const current = entry as DetailRecord;
  const source = fragment as DetailRecord;
  let next: DetailRecord | undefined;
  // for-in rather than Object.entries: this runs once per reasoning chunk, and the entry arrays
  // were most of its garbage. Fragments are parsed JSON, so every enumerable key is their own.
  for (const key in source) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    if (key === appended) {
      if (value === '') continue;
      if (append) {
        append(entry, key, value);
        next = current;
        continue;
      }
      const before = current[key];
      next ??= { ...current };
      next[key] = typeof before === 'string' ? before + String(value) : value;
    } else if (key === 'signature') {
      // The signature can come in a late fragment with no text; it is whole, never split.
      if (value === '' || current[key] === value) continue;
      next ??= append ? current : { ...current };
      next[key] = value;
    } else if (current[key] === undefined || current[key] === null) {
      // Identity fields (id, format, index) are kept from the fragment that first carries them.
      next ??= append ? current : { ...current };
      next[key] = value;
    }
  }
  return next === undefined ? entry : (next as ReasoningDetail);
}

/**
 * Merges streamed `reasoning_details` fragments into the entries so far, per entry (matched by
 * `index`, then `id`, then the latest entry of the same type): text, summary and encrypted data
 * are concatenated, the signature is taken from whichever fragment carries it, and every other
 * field is kept verbatim.
 *
 * Returns `existing` itself when the fragments change nothing, otherwise a new array in which
 * only the touched entries are new objects. With `append` (for an owner that copies when it
 * hands the entries out, as the accumulator's snapshot does), `existing` and its entries are
 * changed instead and text pieces go through `append`, which allocates nothing per fragment.
 */
export function mergeReasoningDetails(
  existing: readonly ReasoningDetail[],
  fragments: readonly ReasoningDetail[] | null | undefined,
  append?: AppendDetailText,
): ReasoningDetail[] {
  if (!fragments || fragments.length === 0) return existing as ReasoningDetail[];
  let result: ReasoningDetail[] | undefined = append ? (existing as ReasoningDetail[]) : undefined;
  for (const fragment of fragments) {
    if (fragment === null || typeof fragment !== 'object') continue;
    const entries = result ?? existing;
    const target = findTarget(entries, fragment);
    if (target === -1) {
      result ??= existing.slice();
      result.push({ ...fragment });
      continue;
    }
    const before = entries[target]!;
    const merged = mergeDetail(before, fragment, append);
    if (merged === before) continue;
    result ??= existing.slice();
    result[target] = merged;
  }
  return result ?? (existing as ReasoningDetail[]);
}

/**
 * A tool call as {@link mergeToolCallDeltas} assembles it: the wire call plus the stream `index`
 * its deltas name. The index is not part of the non-streaming response; strip it before sending.
 */
export type IndexedToolCall = ToolCall & { index?: number };

/** The stream index of the call at `position`; a call built elsewhere, without one, stands at its position. */
function streamIndex(calls: readonly IndexedToolCall[], position: number): number {
  if (position < 0) return 0;
  const index = calls[position]?.index;
  return typeof index === 'number' ? index : position;
}

/** The latest call with this index (several when a provider resends whole calls at index 0). */
function findToolCall(calls: readonly IndexedToolCall[], index: number): number {
  for (let i = calls.length - 1; i >= 0; i--) if (streamIndex(calls, i) === index) return i;
  return -1;
}

/** Where a new call with this index goes so the calls stay ordered by index, ties by arrival. */
function insertionPoint(calls: readonly IndexedToolCall[], index: number): number {
  let at = calls.length;
  while (at > 0 && streamIndex(calls, at - 1) > index) at--;
  return at;
}

function applyToolCallDelta(call: IndexedToolCall, index: number, delta: ToolCallDelta): IndexedToolCall {
  const name = delta.function?.name;
  const args = delta.function?.arguments;
  const newId = delta.id !== undefined && delta.id !== null && delta.id !== '' && delta.id !== call.id;
  const newName = name !== undefined && name !== null && name !== '' && name !== call.function.name;
  const newArgs = args !== undefined && args !== null && args !== '';
  if (!newId && !newName && !newArgs) return call;
  return {
    ...call,
    id: newId ? delta.id! : call.id,
    function: {
      ...call.function,
      name: newName ? name : call.function.name,
      arguments: newArgs ? call.function.arguments + args : call.function.arguments,
    },
    index,
  };
}

function newToolCall(index: number, delta: ToolCallDelta): IndexedToolCall {
  return {
    id: delta.id ?? '',
    type: delta.type ?? 'function',
    function: { name: delta.function?.name ?? '', arguments: delta.function?.arguments ?? '' },
    index,
  };
}

/**
 * Merges streamed tool-call deltas into the calls so far, matching each delta to its call by the
 * delta's `index` (not by array position: a provider may skip an index or start at 1), and keeping
 * the calls ordered by index. id, type and name come from the fragment that carries them, and
 * `arguments` are appended as raw text (they are partial JSON until the call is complete). Every
 * call this returns that a delta touched carries its `index`.
 *
 * A delta whose `id` differs from the call already at its index starts a new call, because some
 * providers send every parallel call whole, each with index 0. Returns `existing` itself when
 * the deltas change nothing, and keeps the calls they did not touch by identity.
 */
export function mergeToolCallDeltas(
  existing: readonly IndexedToolCall[],
  deltas: readonly ToolCallDelta[] | null | undefined,
): IndexedToolCall[] {
  if (!deltas || deltas.length === 0) return existing as IndexedToolCall[];
  let result: IndexedToolCall[] | undefined;
  for (const delta of deltas) {
    if (delta === null || typeof delta !== 'object') continue;
    const calls = result ?? existing;
    // A delta without an index (outside the wire format) continues the latest call.
    const index = typeof delta.index === 'number' ? delta.index : streamIndex(calls, calls.length - 1);
    const target = findToolCall(calls, index);
    const current = target === -1 ? undefined : calls[target];
    const conflictingId =
      current !== undefined &&
      typeof delta.id === 'string' &&
      delta.id !== '' &&
      current.id !== '' &&
      delta.id !== current.id;
    if (current === undefined || conflictingId) {
      result ??= existing.slice();
      result.splice(insertionPoint(result, index), 0, newToolCall(index, delta));
      continue;
    }
    const merged = applyToolCallDelta(current, index, delta);
    if (merged === current) continue;
    result ??= existing.slice();
    result[target] = merged;
  }
  return result ?? (existing as IndexedToolCall[]);
}
