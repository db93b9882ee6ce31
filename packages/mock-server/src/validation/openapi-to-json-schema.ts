/**
 * Turns the spec's OpenAPI 3.0 schemas into JSON Schema that Ajv evaluates as the spec means them.
 * Two rewrites, both applied to every node:
 *
 * - `nullable: true` becomes a type array (`type: ['string', 'null']`, with `null` added to an
 *   `enum`), or, where the node has no `type` (a `$ref` or a `oneOf`), `anyOf: [{ type: 'null' }, node]`.
 *   Ajv's own `nullable` support needs a sibling `type`, which most of the spec's nullable nodes lack.
 * - `oneOf` becomes `anyOf`. The generated spec's branches overlap (`Schema0Items` is "a known
 *   provider name, or any string"; `__schema1` lists `number` twice), so a strict `oneOf` would
 *   reject valid requests such as `provider.order: ["OpenAI"]` or `max_price.prompt: 1`.
 *
 * `discriminator` is dropped: after the second rewrite it adds nothing, and Ajv would demand
 * `oneOf` for it.
 */
export function openApiToJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openApiToJsonSchema);
  if (node === null || typeof node !== 'object') return node;

  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'discriminator') continue;
    result[key === 'oneOf' ? 'anyOf' : key] = openApiToJsonSchema(value);
  }
  if ((node as { nullable?: unknown }).nullable !== true) return result;

  if (typeof result.type === 'string') {
    result.type = [result.type, 'null'];
    if (Array.isArray(result.enum)) result.enum = [...result.enum, null];
    return result;
  }
  const { description, ...rest } = result;
  return { ...(description === undefined ? {} : { description }), anyOf: [{ type: 'null' }, rest] };
}
