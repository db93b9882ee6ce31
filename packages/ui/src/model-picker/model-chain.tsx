/** @jsxImportSource ../jsx */
'use client';
/**
 * The chosen models in order: the model, then the fallbacks the router tries when it fails
 * (OpenRouter's `models[]`). Reordered with buttons, Alt+Arrow keys or by dragging; each entry
 * has its routing variant (`:nitro`, `:floor`) beside it.
 */
import { VisuallyHidden } from 'radix-ui';
import * as React from 'react';
import { type ModelVariant, splitVariant, VARIANT_LABELS, withVariant } from './model-facts.ts';
import { useModelPicker } from './model-picker-context.ts';

function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The ordered chain of chosen models, with routing, reorder and remove controls per entry. */
export function ModelPickerChain({ ...props }: React.ComponentProps<'ol'>) {
  const { value, setValue, findModel } = useModelPicker();
  const [announcement, setAnnouncement] = React.useState('');
  const [dragging, setDragging] = React.useState<number | undefined>(undefined);
  const itemRefs = React.useRef(new Map<string, HTMLLIElement>());
  const nameOf = (id: string) => findModel(id)?.name ?? splitVariant(id).id;

  const move = (from: number, to: number, focus: boolean) => {
    const id = value[from];
    if (id === undefined || to < 0 || to >= value.length || to === from) return;
    setValue(moved(value, from, to));
    setAnnouncement(`${nameOf(id)} moved to position ${to + 1} of ${value.length}.`);
    // The item keeps focus where it went, so repeated Alt+Arrow keeps moving the same model.
    if (focus) requestAnimationFrame(() => itemRefs.current.get(splitVariant(id).id)?.focus());
  };
  const remove = (position: number) => {
    const id = value[position];
    if (id === undefined) return;
    setValue(value.filter((_, at) => at !== position));
    setAnnouncement(`${nameOf(id)} removed.`);
  };

  if (value.length === 0) return null;
  return (
    <>
      <ol data-slot="model-picker-chain" aria-label="Models in order of use" {...props}>
        {value.map((id, position) => {
          const base = splitVariant(id);
          const name = nameOf(id);
          return (
            <li
              key={base.id}
              ref={(element) => {
                if (element) itemRefs.current.set(base.id, element);
                else itemRefs.current.delete(base.id);
              }}
              data-slot="model-picker-chain-item"
              data-state={dragging === position ? 'dragging' : undefined}
              tabIndex={-1}
              draggable
              aria-label={`${position === 0 ? 'Model' : `Fallback ${position}`}: ${name}`}
              onKeyDown={(event) => {
                if (!event.altKey) return;
                if (event.key === 'ArrowUp') move(position, position - 1, true);
                else if (event.key === 'ArrowDown') move(position, position + 1, true);
                else return;
                event.preventDefault();
              }}
              onDragStart={(event) => {
                setDragging(position);
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', id);
              }}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                if (dragging !== undefined) move(dragging, position, false);
                setDragging(undefined);
              }}
              onDragEnd={() => setDragging(undefined)}
            >
              <span data-slot="model-picker-chain-name">
                {position + 1}. {name}
              </span>
              <select
                aria-label={`Routing for ${name}`}
                value={base.variant}
                onChange={(event) => {
                  const next = [...value];
                  next[position] = withVariant(id, event.target.value as ModelVariant);
                  setValue(next);
                }}
              >
                {(Object.keys(VARIANT_LABELS) as ModelVariant[]).map((variant) => (
                  <option key={variant || 'default'} value={variant}>
                    {VARIANT_LABELS[variant]}
                  </option>
                ))}
              </select>
              {value.length > 1 ? (
                <>
                  <button
                    type="button"
                    aria-label={`Move ${name} up`}
                    disabled={position === 0}
                    onClick={() => move(position, position - 1, false)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${name} down`}
                    disabled={position === value.length - 1}
                    onClick={() => move(position, position + 1, false)}
                  >
                    ↓
                  </button>
                </>
              ) : null}
              <button type="button" aria-label={`Remove ${name}`} onClick={() => remove(position)}>
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <VisuallyHidden.Root role="status">{announcement}</VisuallyHidden.Root>
    </>
  );
}
