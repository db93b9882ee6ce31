/** @jsxImportSource ../jsx */
'use client';
/**
 * A list of provider names (`order`, `only`, `ignore`): type or pick a name and add it; remove
 * names; in `order`, move them up and down.
 */
import { VisuallyHidden } from 'radix-ui';
import * as React from 'react';

export interface ProviderListProps {
  label: string;
  names: readonly string[];
  onNamesChange: (names: string[]) => void;
  /** Names offered while typing (the model's providers). */
  suggestions?: readonly string[] | undefined;
  /** Order matters: offer Move up / Move down. */
  reorderable?: boolean | undefined;
}

/** One editable list of provider names. */
export function ProviderList({
  label,
  names,
  onNamesChange,
  suggestions = [],
  reorderable = false,
}: ProviderListProps) {
  const id = React.useId();
  const [draft, setDraft] = React.useState('');
  const [announcement, setAnnouncement] = React.useState('');
  const add = () => {
    const name = draft.trim();
    if (name === '') return;
    if (!names.some((existing) => existing.toLowerCase() === name.toLowerCase()))
      onNamesChange([...names, name]);
    setDraft('');
    setAnnouncement(`${name} added to ${label}.`);
  };
  const move = (from: number, to: number) => {
    const next = [...names];
    const [name] = next.splice(from, 1);
    if (name === undefined) return;
    next.splice(to, 0, name);
    onNamesChange(next);
    setAnnouncement(`${name} moved to position ${to + 1}.`);
  };
  return (
    <fieldset data-slot="provider-list">
      <legend id={`${id}-label`} data-slot="provider-list-label">
        {label}
      </legend>
      {names.length > 0 ? (
        <ol data-slot="provider-list-items" aria-labelledby={`${id}-label`}>
          {names.map((name, position) => (
            <li key={name} data-slot="provider-list-item">
              <span>{name}</span>
              {reorderable && names.length > 1 ? (
                <>
                  <button
                    type="button"
                    aria-label={`Move ${name} up`}
                    disabled={position === 0}
                    onClick={() => move(position, position - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${name} down`}
                    disabled={position === names.length - 1}
                    onClick={() => move(position, position + 1)}
                  >
                    ↓
                  </button>
                </>
              ) : null}
              <button
                type="button"
                aria-label={`Remove ${name} from ${label}`}
                onClick={() => {
                  onNamesChange(names.filter((existing) => existing !== name));
                  setAnnouncement(`${name} removed from ${label}.`);
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <span data-slot="provider-list-add">
        <input
          aria-label={`Provider to add to ${label}`}
          list={`${id}-suggestions`}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" onClick={add} aria-label={`Add to ${label}`}>
          Add
        </button>
      </span>
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <VisuallyHidden.Root role="status">{announcement}</VisuallyHidden.Root>
    </fieldset>
  );
}
