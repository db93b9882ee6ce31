/** @jsxImportSource ../jsx */
'use client';
/** Reset to defaults, and named presets: save the current parameters under a name, apply, delete. */
import * as React from 'react';
import { type ParametersPanelPresetsActions, useParametersPanel } from './parameters-panel-context.ts';

export interface ParametersPanelPresetsProps
  extends Omit<React.ComponentProps<'fieldset'>, keyof ParametersPanelPresetsActions>,
    ParametersPanelPresetsActions {}

/**
 * The actions bar; presets show when `onSavePreset` is given. Each action not given here comes from the
 * root's `presetsProps` (so `Chat.ParametersPanel`'s saved presets reach a `Presets` in custom children).
 */
export function ParametersPanelPresets({
  presets: presetsProp,
  onSavePreset: onSavePresetProp,
  onApplyPreset: onApplyPresetProp,
  onDeletePreset: onDeletePresetProp,
  onReset: onResetProp,
  ...props
}: ParametersPanelPresetsProps) {
  const { setValue, presets: fromRoot } = useParametersPanel();
  const presets = presetsProp ?? fromRoot.presets ?? [];
  const onSavePreset = onSavePresetProp ?? fromRoot.onSavePreset;
  const onApplyPreset = onApplyPresetProp ?? fromRoot.onApplyPreset;
  const onDeletePreset = onDeletePresetProp ?? fromRoot.onDeletePreset;
  const onReset = onResetProp ?? fromRoot.onReset;
  const id = React.useId();
  const [name, setName] = React.useState('');
  const [chosen, setChosen] = React.useState('');
  const [announcement, setAnnouncement] = React.useState('');
  const selected = presets.includes(chosen) ? chosen : (presets[0] ?? '');
  return (
    <fieldset data-slot="parameters-panel-presets" {...props}>
      <legend>Presets</legend>
      <button
        type="button"
        onClick={() => {
          if (onReset) onReset();
          else setValue({});
          setAnnouncement('Parameters reset to defaults.');
        }}
      >
        Reset to defaults
      </button>
      {onSavePreset ? (
        <>
          <span data-slot="field">
            <label htmlFor={`${id}-name`}>Preset name</label>
            <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} />
          </span>
          <button
            type="button"
            disabled={name.trim() === ''}
            onClick={() => {
              onSavePreset(name.trim());
              setAnnouncement(`Preset ${name.trim()} saved.`);
              setChosen(name.trim());
              setName('');
            }}
          >
            Save preset
          </button>
          {presets.length > 0 ? (
            <>
              <span data-slot="field">
                <label htmlFor={`${id}-preset`}>Saved presets</label>
                <select
                  id={`${id}-preset`}
                  value={selected}
                  onChange={(event) => setChosen(event.target.value)}
                >
                  {presets.map((preset) => (
                    <option key={preset} value={preset}>
                      {preset}
                    </option>
                  ))}
                </select>
              </span>
              <button
                type="button"
                onClick={() => {
                  onApplyPreset?.(selected);
                  setAnnouncement(`Preset ${selected} applied.`);
                }}
              >
                Apply preset
              </button>
              <button
                type="button"
                onClick={() => {
                  onDeletePreset?.(selected);
                  setAnnouncement(`Preset ${selected} deleted.`);
                }}
              >
                Delete preset
              </button>
            </>
          ) : null}
        </>
      ) : null}
      <span data-slot="parameters-panel-announcement" role="status">
        {announcement}
      </span>
    </fieldset>
  );
}
