/** @jsxImportSource ../jsx */
'use client';
/**
 * The spec's `plugins[]` with their options: web search (`max_results`, `search_prompt`,
 * `engine`), file parser (`pdf.engine`), moderation, response healing. A plugin is sent only
 * when turned on, with only the options set.
 */
import type { Plugin } from '@parley/client';
import type * as React from 'react';
import { ChoiceField, NumberField, TextField, withField } from '../provider-prefs/fields.tsx';
import { useParametersPanel } from './parameters-panel-context.ts';

type PluginId = 'web' | 'file-parser' | 'moderation' | 'response-healing';
type AnyPlugin = { id: PluginId } & Record<string, unknown>;

const PLUGIN_LABELS: Record<PluginId, string> = {
  web: 'Web search',
  'file-parser': 'File parser',
  moderation: 'Moderation',
  'response-healing': 'Response healing',
};

/** The plugins and their options. */
export function ParametersPanelPlugins(props: React.ComponentProps<'fieldset'>) {
  const { value, set } = useParametersPanel();
  const plugins = (value.plugins ?? []) as AnyPlugin[];
  const find = (id: PluginId) => plugins.find((plugin) => plugin.id === id);
  const put = (id: PluginId, plugin: AnyPlugin | undefined) => {
    const others = plugins.filter((item) => item.id !== id);
    const next = plugin ? [...others, plugin] : others;
    set('plugins', next.length === 0 ? undefined : (next as Plugin[]));
  };
  const option = (id: PluginId, key: string, field: unknown) => {
    const plugin = find(id);
    if (plugin) put(id, withField(plugin, key, field));
  };
  const web = find('web');
  const files = find('file-parser');
  return (
    <fieldset data-slot="parameters-panel-plugins" {...props}>
      <legend>Plugins</legend>
      {(Object.keys(PLUGIN_LABELS) as PluginId[]).map((id) => (
        <label key={id} data-slot="parameters-panel-plugin">
          <input
            type="checkbox"
            checked={Boolean(find(id))}
            onChange={(event) => put(id, event.target.checked ? { id } : undefined)}
          />
          {PLUGIN_LABELS[id]}
        </label>
      ))}
      {web ? (
        <>
          <NumberField
            label="Web results"
            min={1}
            max={10}
            integer
            value={web.max_results as number | undefined}
            onValueChange={(next) => option('web', 'max_results', next)}
          />
          <TextField
            label="Search prompt"
            value={web.search_prompt as string | undefined}
            onValueChange={(next) => option('web', 'search_prompt', next)}
          />
          <ChoiceField
            label="Search engine"
            value={web.engine as 'native' | 'exa' | undefined}
            onValueChange={(next) => option('web', 'engine', next)}
            options={[
              ['native', 'Native (the provider’s own)'],
              ['exa', 'Exa'],
            ]}
          />
        </>
      ) : null}
      {files ? (
        <ChoiceField
          label="PDF engine"
          value={(files.pdf as { engine?: 'mistral-ocr' | 'pdf-text' | 'native' } | undefined)?.engine}
          onValueChange={(next) =>
            option('file-parser', 'pdf', next === undefined ? undefined : { engine: next })
          }
          options={[
            ['pdf-text', 'Text extraction'],
            ['mistral-ocr', 'Mistral OCR'],
            ['native', 'Native'],
          ]}
        />
      ) : null}
    </fieldset>
  );
}
