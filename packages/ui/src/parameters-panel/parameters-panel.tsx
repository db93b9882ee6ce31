/** @jsxImportSource ../jsx */
'use client';
/**
 * ParametersPanel: every generation field of the spec's request, emitting only what the person
 * set. Fields the chosen model does not list in `supported_parameters` are off, with the reason.
 */
import type { ChatRequestParams } from '@parley/client/chat';
import { useControllableState } from 'radix-ui/internal';
import * as React from 'react';
import { BooleanField, ChoiceField, NumberField, TextField, withField } from '../provider-prefs/fields.tsx';
import {
  ParametersPanelContext,
  type ParametersPanelContextValue,
  type ParametersPanelPresetsActions,
  unsupportedReason,
  useParametersPanel,
} from './parameters-panel-context.ts';
import { ParametersPanelPlugins } from './plugins.tsx';
import { ParametersPanelPresets } from './presets.tsx';
import { ParametersPanelResponseFormat } from './response-format.tsx';

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface ParametersPanelRootProps
  extends Omit<React.ComponentProps<'form'>, 'defaultValue' | 'onChange' | 'onSubmit'> {
  value?: ChatRequestParams;
  defaultValue?: ChatRequestParams;
  /** Called with the request fields set: nothing untouched, nothing empty. */
  onValueChange?: (value: ChatRequestParams) => void;
  /** The chosen model's `supported_parameters`; without it, every field is on. */
  supportedParameters?: readonly string[] | undefined;
  /** The chosen model's name, for the reasons of fields that are off. */
  modelName?: string | undefined;
  /** The presets bar's saved names and actions (save, apply, delete, reset), for the default bar and a `Presets` part in children. */
  presetsProps?: ParametersPanelPresetsActions | undefined;
}

/**
 * The parameters form. Without children: sampling, length, output, reasoning, tools, response
 * format, routing and identity, plugins, and the reset and presets bar.
 *
 * @example
 * <ParametersPanel.Root value={params} onValueChange={setParams}
 *   supportedParameters={model.supported_parameters} modelName={model.name} />
 */
export function ParametersPanelRoot({
  value: valueProp,
  defaultValue,
  onValueChange,
  supportedParameters,
  modelName,
  presetsProps,
  children,
  ...props
}: ParametersPanelRootProps) {
  const [value = {}, setValue] = useControllableState<ChatRequestParams>({
    prop: valueProp,
    defaultProp: defaultValue ?? {},
    onChange: onValueChange,
    caller: 'ParametersPanel',
  });
  const context: ParametersPanelContextValue = {
    value,
    setValue,
    set: (key, field) => setValue(withField(value, key, field)),
    disabledReason: (field) => unsupportedReason(field, supportedParameters, modelName),
    presets: presetsProps ?? {},
  };
  return (
    <ParametersPanelContext.Provider value={context}>
      <form
        data-slot="parameters-panel"
        aria-label="Generation parameters"
        onSubmit={(event) => event.preventDefault()}
        {...props}
      >
        {children ?? (
          <>
            <ParametersPanelSampling />
            <ParametersPanelOutput />
            <ParametersPanelReasoning />
            <ParametersPanelTools />
            <ParametersPanelResponseFormat />
            <ParametersPanelRouting />
            <ParametersPanelPlugins />
            <ParametersPanelPresets />
          </>
        )}
      </form>
    </ParametersPanelContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Sampling and length
 * -----------------------------------------------------------------------------------------------*/

// Ranges from the spec's descriptions (OpenAI's and OpenRouter's documented bounds).
const SAMPLING_FIELDS = [
  ['temperature', 'Temperature', { min: 0, max: 2 }],
  ['top_p', 'Top P', { min: 0, max: 1 }],
  ['frequency_penalty', 'Frequency penalty', { min: -2, max: 2 }],
  ['presence_penalty', 'Presence penalty', { min: -2, max: 2 }],
  ['seed', 'Seed', { integer: true }],
  ['max_tokens', 'Max tokens', { min: 1, integer: true }],
  ['max_completion_tokens', 'Max completion tokens', { min: 1, integer: true }],
] as const;

/** Temperature, top P, penalties, seed and the length limits. */
export function ParametersPanelSampling(props: React.ComponentProps<'fieldset'>) {
  const { value, set, disabledReason } = useParametersPanel();
  return (
    <fieldset data-slot="parameters-panel-sampling" {...props}>
      <legend>Sampling and length</legend>
      {SAMPLING_FIELDS.map(([key, label, range]) => {
        const reason = disabledReason(key);
        return (
          <NumberField
            key={key}
            label={label}
            {...range}
            disabledReason={reason}
            value={value[key] ?? undefined}
            onValueChange={(next) => set(key, next)}
          />
        );
      })}
    </fieldset>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Output: stop, logit bias, logprobs
 * -----------------------------------------------------------------------------------------------*/

/** `logit_bias` text ("token: bias" per line) as the spec's object, or the first problem. */
export function parseLogitBias(text: string): { bias?: Record<string, number>; problem?: string } {
  const bias: Record<string, number> = {};
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const match = /^\s*(\d+)\s*:\s*(-?\d+(?:\.\d+)?)\s*$/.exec(line);
    const amount = Number(match?.[2]);
    if (!match?.[1] || amount < -100 || amount > 100)
      return { problem: `Line ${index + 1}: write "token id: bias", the bias from -100 to 100.` };
    bias[match[1]] = amount;
  }
  return { bias };
}

/** Stop sequences, logit bias, logprobs and top logprobs. */
export function ParametersPanelOutput(props: React.ComponentProps<'fieldset'>) {
  const { value, set, setValue, disabledReason } = useParametersPanel();
  const id = React.useId();
  const stop = value.stop ?? undefined;
  const [biasText, setBiasText] = React.useState(() =>
    Object.entries(value.logit_bias ?? {})
      .map(([token, amount]) => `${token}: ${amount}`)
      .join('\n'),
  );
  const [biasProblem, setBiasProblem] = React.useState<string | undefined>(undefined);
  const stopReason = disabledReason('stop');
  const biasReason = disabledReason('logit_bias');
  const topReason =
    disabledReason('top_logprobs') ?? (value.logprobs ? undefined : 'Turn on logprobs first.');
  return (
    <fieldset data-slot="parameters-panel-output" {...props}>
      <legend>Output</legend>
      <span data-slot="field" data-disabled={stopReason ? '' : undefined}>
        <label htmlFor={`${id}-stop`}>Stop sequences (one per line)</label>
        <textarea
          id={`${id}-stop`}
          rows={2}
          disabled={Boolean(stopReason)}
          aria-describedby={stopReason ? `${id}-stop-hint` : undefined}
          value={typeof stop === 'string' ? stop : (stop ?? []).join('\n')}
          onChange={(event) => {
            const lines = event.target.value.split('\n');
            set('stop', lines.every((line) => line === '') ? undefined : lines);
          }}
        />
        {stopReason ? (
          <span id={`${id}-stop-hint`} data-slot="field-hint" data-state="disabled">
            {stopReason}
          </span>
        ) : null}
      </span>
      <span data-slot="field" data-disabled={biasReason ? '' : undefined}>
        <label htmlFor={`${id}-bias`}>Logit bias (token id: bias, one per line)</label>
        <textarea
          id={`${id}-bias`}
          rows={2}
          disabled={Boolean(biasReason)}
          aria-invalid={biasProblem ? true : undefined}
          aria-describedby={biasProblem || biasReason ? `${id}-bias-hint` : undefined}
          value={biasText}
          onChange={(event) => {
            setBiasText(event.target.value);
            const parsed = parseLogitBias(event.target.value);
            setBiasProblem(parsed.problem);
            const bias = parsed.bias && Object.keys(parsed.bias).length > 0 ? parsed.bias : undefined;
            set('logit_bias', bias);
          }}
        />
        {biasProblem || biasReason ? (
          <span
            id={`${id}-bias-hint`}
            data-slot="field-hint"
            data-state={biasProblem ? 'invalid' : 'disabled'}
          >
            {biasProblem ?? biasReason}
          </span>
        ) : null}
      </span>
      <BooleanField
        label="Logprobs"
        disabledReason={disabledReason('logprobs')}
        value={value.logprobs ?? undefined}
        onValueChange={(next) => setValueAndDependents(next)}
      />
      <NumberField
        label="Top logprobs"
        min={0}
        max={20}
        integer
        disabledReason={topReason}
        value={value.top_logprobs ?? undefined}
        onValueChange={(next) => set('top_logprobs', next)}
      />
    </fieldset>
  );

  // top_logprobs without logprobs is a 400, so turning logprobs off takes it along.
  function setValueAndDependents(next: boolean | undefined) {
    const withLogprobs = withField(value, 'logprobs', next);
    setValue(next ? withLogprobs : withField(withLogprobs, 'top_logprobs', undefined));
  }
}

/* -------------------------------------------------------------------------------------------------
 * Reasoning
 * -----------------------------------------------------------------------------------------------*/

/** The request's `reasoning` object as the panel edits it (the spec's fields and OpenRouter's). */
interface ReasoningValue {
  effort?: 'xhigh' | 'high' | 'medium' | 'low' | 'minimal' | 'none';
  summary?: 'auto' | 'concise' | 'detailed';
  exclude?: boolean;
  enabled?: boolean;
  max_tokens?: number;
}

/** Reasoning effort, summary, exclusion, on/off and budget. */
export function ParametersPanelReasoning(props: React.ComponentProps<'fieldset'>) {
  const { value, set, disabledReason } = useParametersPanel();
  const reasoning = (value.reasoning ?? {}) as ReasoningValue;
  const reason = disabledReason('reasoning');
  const update = <K extends keyof ReasoningValue>(key: K, field: ReasoningValue[K] | undefined) => {
    const next = withField(reasoning, key, field);
    set('reasoning', Object.keys(next).length === 0 ? undefined : (next as ChatRequestParams['reasoning']));
  };
  return (
    <fieldset data-slot="parameters-panel-reasoning" {...props}>
      <legend>Reasoning</legend>
      <ChoiceField
        label="Reasoning effort"
        disabledReason={reason}
        value={reasoning.effort}
        onValueChange={(next) => update('effort', next)}
        options={[
          ['none', 'None'],
          ['minimal', 'Minimal'],
          ['low', 'Low'],
          ['medium', 'Medium'],
          ['high', 'High'],
          ['xhigh', 'Extra high'],
        ]}
      />
      <ChoiceField
        label="Reasoning summary"
        disabledReason={reason}
        value={reasoning.summary}
        onValueChange={(next) => update('summary', next)}
        options={[
          ['auto', 'Auto'],
          ['concise', 'Concise'],
          ['detailed', 'Detailed'],
        ]}
      />
      <BooleanField
        label="Hide reasoning (exclude)"
        disabledReason={reason}
        value={reasoning.exclude}
        onValueChange={(next) => update('exclude', next)}
      />
      <BooleanField
        label="Reasoning enabled"
        disabledReason={reason}
        value={reasoning.enabled}
        onValueChange={(next) => update('enabled', next)}
      />
      <NumberField
        label="Reasoning budget (tokens)"
        min={1}
        integer
        disabledReason={reason}
        value={reasoning.max_tokens}
        onValueChange={(next) => update('max_tokens', next)}
      />
    </fieldset>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Tools
 * -----------------------------------------------------------------------------------------------*/

/** `tool_choice`: none, auto, required, or one named function. */
export function ParametersPanelTools(props: React.ComponentProps<'fieldset'>) {
  const { value, set, disabledReason } = useParametersPanel();
  const choice = value.tool_choice ?? undefined;
  const mode = typeof choice === 'object' ? 'function' : choice;
  const name = typeof choice === 'object' ? choice.function.name : '';
  const reason = disabledReason('tool_choice');
  const [draftName, setDraftName] = React.useState(name);
  return (
    <fieldset data-slot="parameters-panel-tools" {...props}>
      <legend>Tools</legend>
      <ChoiceField
        label="Tool choice"
        disabledReason={reason}
        value={mode}
        onValueChange={(next) =>
          set(
            'tool_choice',
            next === 'function'
              ? { type: 'function', function: { name: draftName || 'tool' } }
              : (next as 'none' | 'auto' | 'required' | undefined),
          )
        }
        options={[
          ['auto', 'Auto'],
          ['none', 'None'],
          ['required', 'Required'],
          ['function', 'One function'],
        ]}
      />
      {mode === 'function' ? (
        <TextField
          label="Function name"
          disabledReason={reason}
          value={draftName}
          onValueChange={(next) => {
            setDraftName(next ?? '');
            set('tool_choice', { type: 'function', function: { name: next ?? '' } });
          }}
        />
      ) : null}
    </fieldset>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Routing and identity
 * -----------------------------------------------------------------------------------------------*/

/** `route`, `user` and `session_id`. */
export function ParametersPanelRouting(props: React.ComponentProps<'fieldset'>) {
  const { value, set } = useParametersPanel();
  return (
    <fieldset data-slot="parameters-panel-routing" {...props}>
      <legend>Routing and identity</legend>
      <ChoiceField
        label="Route"
        value={value.route ?? undefined}
        onValueChange={(next) => set('route', next)}
        options={[
          ['fallback', 'Fallback'],
          ['sort', 'Sort'],
        ]}
      />
      <TextField label="User id" value={value.user} onValueChange={(next) => set('user', next)} />
      <TextField
        label="Session id"
        value={value.session_id}
        onValueChange={(next) => set('session_id', next)}
      />
    </fieldset>
  );
}
