/** @jsxImportSource ../jsx */
'use client';
/**
 * Form fields shared by ProviderPrefs and ParametersPanel: each is labelled, reports only values
 * the person actually set (`undefined` means "not set", so the request omits the field), and says
 * why a value is refused next to the field.
 */
import * as React from 'react';

interface FieldShell {
  label: string;
  /** Shown under the field; with `disabledReason`, the reason replaces it. */
  hint?: string;
  /** The field is off, and this says why (e.g. the model does not support the parameter). */
  disabledReason?: string | undefined;
}

function Hint({
  id,
  hint,
  error,
  disabledReason,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
  disabledReason?: string | undefined;
}) {
  const text = error ?? disabledReason ?? hint;
  if (!text) return null;
  return (
    <span
      id={id}
      data-slot="field-hint"
      data-state={error ? 'invalid' : disabledReason ? 'disabled' : undefined}
    >
      {text}
    </span>
  );
}

export interface NumberFieldProps extends FieldShell {
  value: number | undefined;
  onValueChange: (value: number | undefined) => void;
  min?: number | undefined;
  max?: number | undefined;
  /** Whole numbers only. */
  integer?: boolean | undefined;
  step?: number | 'any' | undefined;
}

/** The problem with `text` as a number in range, or `undefined` when it is fine. */
export function numberProblem(
  text: string,
  { min, max, integer }: Pick<NumberFieldProps, 'min' | 'max' | 'integer'>,
) {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) return 'Enter a number.';
  if (integer && !Number.isInteger(value)) return 'Enter a whole number.';
  if (min !== undefined && value < min) return `At least ${min}.`;
  if (max !== undefined && value > max) return `At most ${max}.`;
  return undefined;
}

/**
 * A number input that keeps what is typed ("0." on the way to "0.5"), emits only valid numbers in
 * range, and emits `undefined` (field omitted) when emptied or invalid, with the reason shown.
 */
export function NumberField({
  label,
  hint,
  disabledReason,
  value,
  onValueChange,
  min,
  max,
  integer,
  step = 'any',
}: NumberFieldProps) {
  const id = React.useId();
  const [text, setText] = React.useState(value === undefined ? '' : String(value));
  const [error, setError] = React.useState<string | undefined>(undefined);
  // A value set from outside (a preset, a reset) replaces the text, unless it is what the text already says.
  React.useEffect(() => {
    setText((current) =>
      Number(current) === value && current.trim() !== '' ? current : value === undefined ? '' : String(value),
    );
    if (value !== undefined) setError(undefined);
  }, [value]);
  return (
    <span data-slot="field" data-disabled={disabledReason ? '' : undefined}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        inputMode="decimal"
        data-step={step}
        value={text}
        disabled={Boolean(disabledReason)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint || disabledReason ? `${id}-hint` : undefined}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next.trim() === '') {
            setError(undefined);
            onValueChange(undefined);
            return;
          }
          const problem = numberProblem(next, { min, max, integer });
          setError(problem);
          onValueChange(problem ? undefined : Number(next));
        }}
      />
      <Hint id={`${id}-hint`} hint={hint} error={error} disabledReason={disabledReason} />
    </span>
  );
}

export interface ChoiceFieldProps<T extends string> extends FieldShell {
  value: T | undefined;
  onValueChange: (value: T | undefined) => void;
  /** The choices besides "not set", with their labels. */
  options: readonly (readonly [T, string])[];
  /** The label of "not set"; default "Default". */
  unsetLabel?: string | undefined;
}

/** A select whose first choice is "not set" (the field is omitted). */
export function ChoiceField<T extends string>({
  label,
  hint,
  disabledReason,
  value,
  onValueChange,
  options,
  unsetLabel = 'Default',
}: ChoiceFieldProps<T>) {
  const id = React.useId();
  return (
    <span data-slot="field" data-disabled={disabledReason ? '' : undefined}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <select
        id={`${id}-input`}
        value={value ?? ''}
        disabled={Boolean(disabledReason)}
        aria-describedby={hint || disabledReason ? `${id}-hint` : undefined}
        onChange={(event) => onValueChange(event.target.value === '' ? undefined : (event.target.value as T))}
      >
        <option value="">{unsetLabel}</option>
        {options.map(([option, optionLabel]) => (
          <option key={option} value={option}>
            {optionLabel}
          </option>
        ))}
      </select>
      <Hint id={`${id}-hint`} hint={hint} disabledReason={disabledReason} />
    </span>
  );
}

const YES_NO = [
  ['yes', 'Yes'],
  ['no', 'No'],
] as const;

export interface BooleanFieldProps extends FieldShell {
  value: boolean | undefined;
  onValueChange: (value: boolean | undefined) => void;
}

/** A yes / no / not set choice, for booleans whose default the server decides. */
export function BooleanField({ value, onValueChange, ...props }: BooleanFieldProps) {
  return (
    <ChoiceField
      {...props}
      value={value === undefined ? undefined : value ? 'yes' : 'no'}
      onValueChange={(next) => onValueChange(next === undefined ? undefined : next === 'yes')}
      options={YES_NO}
    />
  );
}

export interface TextFieldProps extends FieldShell {
  value: string | undefined;
  onValueChange: (value: string | undefined) => void;
}

/** A text input; empty means not set. */
export function TextField({ label, hint, disabledReason, value, onValueChange }: TextFieldProps) {
  const id = React.useId();
  return (
    <span data-slot="field" data-disabled={disabledReason ? '' : undefined}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        value={value ?? ''}
        disabled={Boolean(disabledReason)}
        aria-describedby={hint || disabledReason ? `${id}-hint` : undefined}
        onChange={(event) => onValueChange(event.target.value === '' ? undefined : event.target.value)}
      />
      <Hint id={`${id}-hint`} hint={hint} disabledReason={disabledReason} />
    </span>
  );
}

/** `object` without `key` when `value` is undefined, else with it: how every form here omits untouched fields. */
export function withField<T extends object, K extends keyof T>(
  object: T,
  key: K,
  value: T[K] | undefined,
): T {
  const next = { ...object };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
