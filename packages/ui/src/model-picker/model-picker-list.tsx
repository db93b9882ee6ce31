/** @jsxImportSource ../jsx */
'use client';
/**
 * The picker's list: virtualised (only the rows in view are in the DOM), so a catalogue of
 * hundreds of models filters as fast as a person types; grouped under author headings.
 */
import type { Model } from '@parley/client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { VisuallyHidden } from 'radix-ui';
import * as React from 'react';
import {
  contextLabel,
  hasCapability,
  type ModelCapability,
  modalities,
  pricePerMillion,
  splitVariant,
} from './model-facts.ts';
import { useModelPicker } from './model-picker-context.ts';

// Row heights the virtualiser starts from before it measures: a heading line and a three-line option.
const AUTHOR_ROW_PX = 30;
const MODEL_ROW_PX = 76;
// Rows rendered beyond the viewport, so fast arrowing rarely shows a blank row.
const OVERSCAN_ROWS = 6;

const FLAG_LABELS: [ModelCapability, string][] = [
  ['reasoning', 'Reasons'],
  ['tools', 'Tools'],
  ['structured', 'Structured'],
];

/* -------------------------------------------------------------------------------------------------
 * Option
 * -----------------------------------------------------------------------------------------------*/

export interface ModelPickerOptionProps extends React.ComponentProps<'div'> {
  model: Model;
  selected: boolean;
  active: boolean;
  /** Position in the chain when the picker builds one (1 is the model, 2 the first fallback). */
  position?: number | undefined;
}

/** One model: name, context, prices per million tokens, modalities in and out, capabilities. */
export function ModelPickerOption({ model, selected, active, position, ...props }: ModelPickerOptionProps) {
  const { input, output } = modalities(model);
  const flags = FLAG_LABELS.filter(([capability]) => hasCapability(model, capability));
  return (
    <div
      data-slot="model-picker-option"
      role="option"
      // Focus stays in the search box (aria-activedescendant); -1 keeps the option out of the tab order.
      tabIndex={-1}
      aria-selected={selected}
      data-state={selected ? 'checked' : 'unchecked'}
      data-active={active ? '' : undefined}
      {...props}
    >
      <span data-slot="model-picker-option-name">
        {model.name}
        {position === undefined ? null : <span data-slot="model-picker-option-position"> #{position}</span>}
      </span>
      <span data-slot="model-picker-option-facts">
        {contextLabel(model.context_length)} context · {pricePerMillion(model.pricing.prompt)} in ·{' '}
        {pricePerMillion(model.pricing.completion)} out per 1M tokens
      </span>
      <span data-slot="model-picker-option-badges">
        <span data-slot="model-picker-badge" data-kind="input">
          In: {input.join(', ')}
        </span>
        <span data-slot="model-picker-badge" data-kind="output">
          Out: {output.join(', ')}
        </span>
        {flags.map(([capability, label]) => (
          <span key={capability} data-slot="model-picker-badge" data-kind={capability}>
            {label}
          </span>
        ))}
      </span>
    </div>
  );
}

/* -------------------------------------------------------------------------------------------------
 * List
 * -----------------------------------------------------------------------------------------------*/

/** What the list says instead of models: loading, failure, an empty catalogue, no match. */
function ListMessage() {
  const { status, error, onRetry, models, query, matchCount } = useModelPicker();
  if (status === 'loading') {
    return (
      <p data-slot="model-picker-message" role="status">
        Loading models…
      </p>
    );
  }
  if (status === 'error') {
    return (
      <div data-slot="model-picker-message" role="alert" data-status="error">
        <p>Could not load the models{error ? `: ${error}` : '.'}</p>
        {onRetry ? (
          <button type="button" data-slot="model-picker-retry" onClick={onRetry}>
            Try again
          </button>
        ) : null}
      </div>
    );
  }
  if (models.length === 0) return <p data-slot="model-picker-message">No models are available.</p>;
  if (matchCount === 0) {
    return (
      <p data-slot="model-picker-message">No models match{query ? ` “${query}”` : ''} with these filters.</p>
    );
  }
  return null;
}

/** The grouped, virtualised listbox of models matching the search and filters. */
export function ModelPickerList({ style, ...props }: React.ComponentProps<'div'>) {
  const { rows, value, mode, activeIndex, setActiveIndex, choose, listId, optionId, status, matchCount } =
    useModelPicker();
  const scrollRef = React.useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({
    count: status === 'ready' ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: (position) => (rows[position]?.kind === 'author' ? AUTHOR_ROW_PX : MODEL_ROW_PX),
    overscan: OVERSCAN_ROWS,
  });
  React.useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const chosen = value.map((id) => splitVariant(id).id);
  return (
    <>
      <ListMessage />
      <VisuallyHidden.Root data-slot="model-picker-count" role="status">
        {status === 'ready' ? `${matchCount} model${matchCount === 1 ? '' : 's'}` : ''}
      </VisuallyHidden.Root>
      <div
        ref={scrollRef}
        id={listId}
        data-slot="model-picker-list"
        role="listbox"
        aria-label="Models"
        aria-multiselectable={mode === 'chain' || undefined}
        hidden={status !== 'ready' || matchCount === 0}
        style={{ overflowY: 'auto', ...style }}
        {...props}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const place: React.CSSProperties = {
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${item.start}px)`,
            };
            if (row.kind === 'author') {
              return (
                <div
                  key={`author-${row.author}`}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  data-slot="model-picker-author"
                  role="presentation"
                  style={place}
                >
                  {row.author}
                </div>
              );
            }
            const at = chosen.indexOf(row.model.id);
            return (
              <ModelPickerOption
                key={row.model.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                id={optionId(item.index)}
                model={row.model}
                selected={at !== -1}
                active={item.index === activeIndex}
                position={mode === 'chain' && at !== -1 ? at + 1 : undefined}
                style={place}
                // Focus stays in the search box (combobox pattern): a click must not move it.
                onMouseDown={(event) => event.preventDefault()}
                onPointerMove={() => {
                  if (item.index !== activeIndex) setActiveIndex(item.index);
                }}
                onClick={() => choose(row.model)}
              />
            );
          })}
        </div>
      </div>
    </>
  );
}
