/** @jsxImportSource ../jsx */
'use client';
/** `response_format`: text, a JSON object, or JSON valid against a schema edited in place. */
import type { ChatRequestParams } from '@parley/client/chat';
import type * as React from 'react';
import { BooleanField, ChoiceField, TextField } from '../provider-prefs/fields.tsx';
import { useParametersPanel } from './parameters-panel-context.ts';
import { SchemaEditor } from './schema-editor.tsx';

type Format = 'text' | 'json_object' | 'json_schema';
interface SchemaConfig {
  name: string;
  strict?: boolean;
  schema?: Record<string, unknown> | undefined;
}

const STARTER_SCHEMA = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };

/** The response format, with the schema editor for `json_schema`. */
export function ParametersPanelResponseFormat(props: React.ComponentProps<'fieldset'>) {
  const { value, set, disabledReason } = useParametersPanel();
  const format = value.response_format as { type: string; json_schema?: SchemaConfig } | undefined;
  const type = format?.type as Format | undefined;
  const config: SchemaConfig = format?.json_schema ?? { name: 'response', schema: STARTER_SCHEMA };
  const formatReason = disabledReason('response_format');
  const schemaReason = disabledReason('json_schema');
  const emit = (next: SchemaConfig) =>
    set('response_format', {
      type: 'json_schema',
      json_schema: next,
    } as ChatRequestParams['response_format']);
  return (
    <fieldset data-slot="parameters-panel-response-format" {...props}>
      <legend>Response format</legend>
      <ChoiceField
        label="Format"
        disabledReason={formatReason}
        value={type}
        onValueChange={(next) => {
          if (next === 'json_schema') emit(config);
          else set('response_format', next === undefined ? undefined : { type: next });
        }}
        options={[
          ['text', 'Text'],
          ['json_object', 'JSON object'],
          ['json_schema', 'JSON matching a schema'],
        ]}
      />
      {type === 'json_schema' ? (
        <>
          <TextField
            label="Schema name"
            disabledReason={schemaReason}
            value={config.name}
            onValueChange={(next) => emit({ ...config, name: next ?? '' })}
          />
          <BooleanField
            label="Strict"
            value={config.strict}
            onValueChange={(next) => {
              const { strict: _, ...rest } = config;
              emit(next === undefined ? rest : { ...rest, strict: next });
            }}
          />
          <SchemaEditor
            value={config.schema}
            disabled={Boolean(schemaReason)}
            onValueChange={(schema) => emit({ ...config, schema })}
          />
        </>
      ) : null}
    </fieldset>
  );
}
