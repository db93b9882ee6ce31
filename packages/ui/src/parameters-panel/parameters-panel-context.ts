'use client';
/** What `ParametersPanel.Root` shares with its parts: the parameters, a setter per field, and what the model supports. */
import type { ChatRequestParams } from '@parley/client/chat';
import * as React from 'react';

/** The presets and their actions: saved names, save, apply, delete, reset. */
export interface ParametersPanelPresetsActions {
  /** The saved presets' names. */
  presets?: readonly string[] | undefined;
  onSavePreset?: ((name: string) => void) | undefined;
  onApplyPreset?: ((name: string) => void) | undefined;
  onDeletePreset?: ((name: string) => void) | undefined;
  /** Default: empties the parameters (the chat's defaults apply). */
  onReset?: (() => void) | undefined;
}

export interface ParametersPanelContextValue {
  value: ChatRequestParams;
  setValue: (value: ChatRequestParams) => void;
  set: <K extends keyof ChatRequestParams>(key: K, field: ChatRequestParams[K] | undefined) => void;
  /** Why a field is off (the model does not list its parameter), or `undefined` when it is on. */
  disabledReason: (field: string) => string | undefined;
  /** The root's `presetsProps`, which a `Presets` part anywhere inside uses unless given its own. */
  presets: ParametersPanelPresetsActions;
}

export const ParametersPanelContext = React.createContext<ParametersPanelContextValue | undefined>(undefined);

/** The panel around a part. */
export function useParametersPanel(): ParametersPanelContextValue {
  const context = React.useContext(ParametersPanelContext);
  if (!context) throw new Error('ParametersPanel parts must be rendered inside <ParametersPanel.Root>.');
  return context;
}

/**
 * The `supported_parameters` names that let a field through: a field is on when the model lists
 * any of them. Fields not named here (route, user, session_id, plugins) are the router's, not the
 * model's, and are always on.
 */
export const FIELD_PARAMETERS: Record<string, readonly string[]> = {
  temperature: ['temperature'],
  top_p: ['top_p'],
  max_tokens: ['max_tokens'],
  max_completion_tokens: ['max_completion_tokens', 'max_tokens'],
  seed: ['seed'],
  stop: ['stop'],
  frequency_penalty: ['frequency_penalty'],
  presence_penalty: ['presence_penalty'],
  logit_bias: ['logit_bias'],
  reasoning: ['reasoning', 'include_reasoning'],
  tool_choice: ['tool_choice', 'tools'],
  response_format: ['response_format', 'structured_outputs'],
  json_schema: ['structured_outputs', 'response_format'],
  logprobs: ['logprobs'],
  top_logprobs: ['top_logprobs'],
};

/** The reason `field` is off for a model supporting `supported`, or `undefined`. */
export function unsupportedReason(
  field: string,
  supported: readonly string[] | undefined,
  modelName = 'The chosen model',
): string | undefined {
  const needs = FIELD_PARAMETERS[field];
  if (!supported || !needs || needs.some((name) => supported.includes(name))) return undefined;
  return `${modelName} does not support ${needs[0]}.`;
}
