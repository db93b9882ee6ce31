/** @jsxImportSource ../jsx */
'use client';
/**
 * The JSON Schema of `response_format.json_schema`, edited as text and checked as typed: JSON
 * syntax (with the position), an object at the top, and `type` keywords the draft knows. Only a
 * schema that passes is emitted; the text stays as typed either way.
 */
import * as React from 'react';

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** The first problem of `text` as a JSON Schema, or `undefined` with the parsed schema. */
export function checkSchemaText(text: string): { schema?: Record<string, unknown>; problem?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { problem: 'The schema must be a JSON object.' };
  const problem = badType(parsed, '');
  return problem ? { problem } : { schema: parsed as Record<string, unknown> };
}

function badType(node: unknown, path: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) {
      const problem = badType(item, `${path}/${index}`);
      if (problem) return problem;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  const type = record.type;
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  for (const item of types) {
    if (typeof item !== 'string' || !JSON_TYPES.has(item))
      return `Unknown type ${JSON.stringify(item)} at ${path || '/'}: use string, number, integer, boolean, object, array or null.`;
  }
  for (const [key, child] of Object.entries(record)) {
    if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') continue;
    const problem = badType(child, `${path}/${key}`);
    if (problem) return problem;
  }
  return undefined;
}

export interface SchemaEditorProps {
  /** The schema currently emitted. */
  value: Record<string, unknown> | undefined;
  /** Called with each schema that passes the checks. */
  onValueChange: (schema: Record<string, unknown>) => void;
  disabled?: boolean;
}

/** A textarea for the schema, invalid while the text is not a usable schema, with the reason beside it. */
export function SchemaEditor({ value, onValueChange, disabled }: SchemaEditorProps) {
  const id = React.useId();
  const [text, setText] = React.useState(() =>
    JSON.stringify(value ?? { type: 'object', properties: {} }, null, 2),
  );
  const [problem, setProblem] = React.useState<string | undefined>(undefined);
  return (
    <span data-slot="field" data-kind="schema">
      <label htmlFor={`${id}-input`}>JSON Schema</label>
      <textarea
        id={`${id}-input`}
        data-slot="schema-editor"
        rows={8}
        spellCheck={false}
        value={text}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setText(event.target.value);
          const checked = checkSchemaText(event.target.value);
          setProblem(checked.problem);
          if (checked.schema) onValueChange(checked.schema);
        }}
      />
      <span
        id={`${id}-hint`}
        data-slot="field-hint"
        data-state={problem ? 'invalid' : undefined}
        role={problem ? 'alert' : undefined}
      >
        {problem ?? 'Valid schema.'}
      </span>
    </span>
  );
}
