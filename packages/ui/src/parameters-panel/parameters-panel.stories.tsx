import type { ChatRequestParams } from '@parley/client/chat';
import type { Meta, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, fn, type within } from 'storybook/test';
import { plainTextModel } from '../__fixtures__/models.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import { ParametersPanelRoot, type ParametersPanelRootProps } from './parameters-panel.tsx';
import usage from './parameters-panel.usage.tsx?raw';

/** The panel with the request fields it emits shown below it. */
function Panel({ withPresets = false, ...props }: ParametersPanelRootProps & { withPresets?: boolean }) {
  const [value, setValue] = React.useState<ChatRequestParams>(props.defaultValue ?? {});
  const [presets, setPresets] = React.useState<Record<string, ChatRequestParams>>({});
  return (
    <div style={{ maxWidth: 720 }}>
      <ParametersPanelRoot
        {...props}
        value={value}
        onValueChange={(next) => {
          setValue(next);
          props.onValueChange?.(next);
        }}
        {...(withPresets
          ? {
              presetsProps: {
                presets: Object.keys(presets),
                onSavePreset: (name: string) => setPresets({ ...presets, [name]: value }),
                onApplyPreset: (name: string) => setValue(presets[name] ?? {}),
                onDeletePreset: (name: string) =>
                  setPresets(Object.fromEntries(Object.entries(presets).filter(([key]) => key !== name))),
              },
            }
          : {})}
      />
      <output aria-label="params">{JSON.stringify(value)}</output>
    </div>
  );
}

const meta = {
  title: 'Models/ParametersPanel',
  component: Panel,
  parameters: {
    docs: {
      description: usageDescription(
        'Generation parameters, presets, plugins and response format, limited to what the model supports.',
        usage,
      ),
    },
  },
  args: { onValueChange: fn() },
} satisfies Meta<typeof Panel>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const emitted = (canvas: Canvas) =>
  JSON.parse(canvas.getByRole('status', { name: 'params' }).textContent ?? '{}');

/** Sampling, output, reasoning, tools and routing: each field set appears in the request as the spec spells it. */
export const EveryField: Story = {
  play: async ({ canvas, userEvent }) => {
    await expect(emitted(canvas)).toEqual({});
    await userEvent.type(canvas.getByLabelText('Temperature'), '0.7');
    await userEvent.type(canvas.getByLabelText('Top P'), '0.9');
    await userEvent.type(canvas.getByLabelText('Frequency penalty'), '-0.5');
    await userEvent.type(canvas.getByLabelText('Presence penalty'), '0.25');
    await userEvent.type(canvas.getByLabelText('Seed'), '42');
    await userEvent.type(canvas.getByLabelText('Max tokens'), '300');
    await userEvent.type(canvas.getByLabelText('Max completion tokens'), '200');
    await userEvent.type(canvas.getByLabelText('Stop sequences (one per line)'), 'END{Enter}STOP');
    await userEvent.type(canvas.getByLabelText('Logit bias (token id: bias, one per line)'), '50256: -100');
    await userEvent.selectOptions(canvas.getByLabelText('Logprobs'), 'yes');
    await userEvent.type(canvas.getByLabelText('Top logprobs'), '3');
    await userEvent.selectOptions(canvas.getByLabelText('Reasoning effort'), 'high');
    await userEvent.selectOptions(canvas.getByLabelText('Reasoning summary'), 'concise');
    await userEvent.selectOptions(canvas.getByLabelText('Hide reasoning (exclude)'), 'yes');
    await userEvent.selectOptions(canvas.getByLabelText('Tool choice'), 'function');
    await userEvent.type(canvas.getByLabelText('Function name'), 'get_weather');
    await userEvent.selectOptions(canvas.getByLabelText('Route'), 'fallback');
    await userEvent.type(canvas.getByLabelText('User id'), 'user-7');
    await userEvent.type(canvas.getByLabelText('Session id'), 'session-9');
    await expect(emitted(canvas)).toEqual({
      temperature: 0.7,
      top_p: 0.9,
      frequency_penalty: -0.5,
      presence_penalty: 0.25,
      seed: 42,
      max_tokens: 300,
      max_completion_tokens: 200,
      stop: ['END', 'STOP'],
      logit_bias: { '50256': -100 },
      logprobs: true,
      top_logprobs: 3,
      reasoning: { effort: 'high', summary: 'concise', exclude: true },
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      route: 'fallback',
      user: 'user-7',
      session_id: 'session-9',
    });
    await userEvent.clear(canvas.getByLabelText('Temperature'));
    await userEvent.type(canvas.getByLabelText('Temperature'), '9');
    await expect(canvas.getByLabelText('Temperature')).toHaveAccessibleDescription('At most 2.');
    await expect(emitted(canvas)).not.toHaveProperty('temperature');
    await userEvent.selectOptions(canvas.getByLabelText('Logprobs'), 'no');
    await expect(emitted(canvas)).not.toHaveProperty('top_logprobs');
    await userEvent.click(canvas.getByRole('button', { name: 'Reset to defaults' }));
    await expect(emitted(canvas)).toEqual({});
  },
};

/** A text model without tools, reasoning, structured output or logprobs: those fields are off, each saying why. */
export const UnsupportedParameters: Story = {
  args: { supportedParameters: plainTextModel.supported_parameters, modelName: plainTextModel.name },
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Temperature')).toBeEnabled();
    await expect(canvas.getByLabelText('Tool choice')).toBeDisabled();
    await expect(canvas.getByLabelText('Tool choice')).toHaveAccessibleDescription(
      'Acme: Plain Text does not support tool_choice.',
    );
    await expect(canvas.getByLabelText('Reasoning effort')).toBeDisabled();
    await expect(canvas.getByLabelText('Format')).toHaveAccessibleDescription(
      'Acme: Plain Text does not support response_format.',
    );
    await expect(canvas.getByLabelText('Logprobs')).toBeDisabled();
    await expect(canvas.getByLabelText('Frequency penalty')).toBeDisabled();
  },
};

/** The schema editor checks as you type: broken JSON and unknown types are refused with the reason. */
export const JsonSchema: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.selectOptions(canvas.getByLabelText('Format'), 'json_schema');
    const editor = canvas.getByLabelText('JSON Schema');
    await userEvent.clear(editor);
    await userEvent.type(editor, '{{"type": "obj');
    await expect(editor).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByRole('alert')).toHaveTextContent('Not valid JSON');
    await userEvent.type(editor, 'ect", "properties": {{"n": {{"type": "numbr"}}}');
    await expect(canvas.getByRole('alert')).toHaveTextContent('Unknown type "numbr" at /properties/n');
    await userEvent.clear(editor);
    await userEvent.type(editor, '{{"type": "object", "properties": {{"n": {{"type": "number"}}}');
    await expect(editor).not.toHaveAttribute('aria-invalid');
    await userEvent.selectOptions(canvas.getByLabelText('Strict'), 'yes');
    await expect(emitted(canvas)).toEqual({
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'response',
          schema: { type: 'object', properties: { n: { type: 'number' } } },
          strict: true,
        },
      },
    });
    await userEvent.selectOptions(canvas.getByLabelText('Format'), 'json_object');
    await expect(emitted(canvas)).toEqual({ response_format: { type: 'json_object' } });
  },
};

/** Plugins with their options, sent only when on. */
export const Plugins: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Web search' }));
    await userEvent.type(canvas.getByLabelText('Web results'), '3');
    await userEvent.selectOptions(canvas.getByLabelText('Search engine'), 'exa');
    await userEvent.type(canvas.getByLabelText('Search prompt'), 'Sources:');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'File parser' }));
    await userEvent.selectOptions(canvas.getByLabelText('PDF engine'), 'pdf-text');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Moderation' }));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Response healing' }));
    await expect(emitted(canvas)).toEqual({
      plugins: [
        { id: 'web', max_results: 3, engine: 'exa', search_prompt: 'Sources:' },
        { id: 'file-parser', pdf: { engine: 'pdf-text' } },
        { id: 'moderation' },
        { id: 'response-healing' },
      ],
    });
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Web search' }));
    await expect(emitted(canvas).plugins).toHaveLength(3);
  },
};

/** Named presets: save, change, apply, delete. */
export const Presets: Story = {
  args: { withPresets: true },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Temperature'), '0.2');
    await userEvent.type(canvas.getByLabelText('Preset name'), 'Precise');
    await userEvent.click(canvas.getByRole('button', { name: 'Save preset' }));
    await expect(canvas.getByText('Preset Precise saved.')).toBeInTheDocument();
    await userEvent.clear(canvas.getByLabelText('Temperature'));
    await userEvent.type(canvas.getByLabelText('Temperature'), '1.4');
    await expect(emitted(canvas)).toEqual({ temperature: 1.4 });
    await userEvent.click(canvas.getByRole('button', { name: 'Apply preset' }));
    await expect(emitted(canvas)).toEqual({ temperature: 0.2 });
    await expect(canvas.getByLabelText('Temperature')).toHaveValue('0.2');
    await userEvent.click(canvas.getByRole('button', { name: 'Delete preset' }));
    await expect(canvas.queryByLabelText('Saved presets')).toBeNull();
  },
};
