/** @jsxImportSource ../jsx */
'use client';
/**
 * ModelPicker: a popover with a searchable, filterable list of models (the combobox pattern of
 * the WAI-ARIA practices: focus stays in the search box, arrows move the active option), picking
 * one model or an ordered fallback chain. Presentational: models come in through props (from
 * `useModels()` or a static list) and choices go out through `onValueChange`.
 */
import type { Model } from '@parley/client';
import { Popover } from 'radix-ui';
import { useControllableState } from 'radix-ui/internal';
import * as React from 'react';
import { ModelPickerChain } from './model-chain.tsx';
import {
  CAPABILITY_LABELS,
  groupByAuthor,
  indexModels,
  type ModelCapability,
  type ModelVariant,
  searchModels,
  splitVariant,
  VARIANT_LABELS,
  withVariant,
} from './model-facts.ts';
import {
  ModelPickerContext,
  type ModelPickerContextValue,
  type ModelPickerStatus,
  useModelPicker,
} from './model-picker-context.ts';
import { ModelPickerList } from './model-picker-list.tsx';

// Page Up / Page Down move about one popover's height of rows.
const PAGE_ROWS = 8;

export type { ModelPickerStatus } from './model-picker-context.ts';

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface ModelPickerRootProps extends Omit<React.ComponentProps<'div'>, 'defaultValue' | 'onChange'> {
  models: readonly Model[];
  /** Default `'ready'`; `'loading'` and `'error'` show in the list instead of models. */
  status?: ModelPickerStatus | undefined;
  /** What went wrong, shown with `status="error"`. */
  error?: string | undefined;
  /** Offered as "Try again" with `status="error"`. */
  onRetry?: (() => void) | undefined;
  /** The chosen ids, model first, then its fallbacks (with `:nitro` / `:floor` where chosen). */
  value?: string[] | undefined;
  defaultValue?: string[] | undefined;
  onValueChange?: ((value: string[]) => void) | undefined;
  /** `'single'` (default): choosing replaces the model and closes. `'chain'`: choosing adds or removes a fallback. */
  mode?: 'single' | 'chain' | undefined;
  open?: boolean | undefined;
  defaultOpen?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
}

/**
 * The picker: the catalogue, the choice, the search and the filters, shared with its parts.
 * Without children it renders the ready assembly: a trigger naming the choice, a popover with
 * search, capability filters, the routing variant and the list, and (with `mode="chain"`) the
 * ordered fallbacks.
 *
 * @example
 * const { data = [], isPending, isError, error, refetch } = useModels();
 * <ModelPicker.Root models={data} status={isPending ? 'loading' : isError ? 'error' : 'ready'}
 *   error={error?.message} onRetry={refetch} value={chain} onValueChange={setChain} mode="chain" />
 *
 * <ModelPicker.Root models={models} value={chain} onValueChange={setChain}>
 *   <ModelPicker.Trigger />
 *   <ModelPicker.Content>
 *     <ModelPicker.Search />
 *     <ModelPicker.Filters />
 *     <ModelPicker.List />
 *   </ModelPicker.Content>
 * </ModelPicker.Root>
 */
export function ModelPickerRoot({
  models,
  status = 'ready',
  error,
  onRetry,
  value: valueProp,
  defaultValue,
  onValueChange,
  mode = 'single',
  open: openProp,
  defaultOpen,
  onOpenChange,
  children,
  ...props
}: ModelPickerRootProps) {
  const [value = [], setValue] = useControllableState({
    prop: valueProp,
    defaultProp: defaultValue ?? [],
    onChange: onValueChange,
    caller: 'ModelPicker',
  });
  const [open = false, setOpen] = useControllableState({
    prop: openProp,
    defaultProp: defaultOpen ?? false,
    onChange: onOpenChange,
    caller: 'ModelPicker',
  });
  const [query, setQuery] = React.useState('');
  const [capabilities, setCapabilities] = React.useState<ModelCapability[]>([]);
  const [variant, setVariant] = React.useState<ModelVariant>('');
  const [activeIndex, setActiveIndex] = React.useState(-1);
  const listId = React.useId();

  // Indexing lower-cases every name once per catalogue, so a keystroke only compares strings.
  const index = React.useMemo(() => indexModels(models), [models]);
  const byId = React.useMemo(() => new Map(models.map((model) => [model.id, model])), [models]);
  const matches = React.useMemo(() => searchModels(index, query, capabilities), [index, query, capabilities]);
  const rows = React.useMemo(() => groupByAuthor(matches), [matches]);

  // A new search starts on its first match, as a person typing expects Enter to take it.
  React.useEffect(() => {
    setActiveIndex(rows.findIndex((row) => row.kind === 'model'));
  }, [rows]);

  const choose = (model: Model) => {
    if (mode === 'single') {
      setValue([withVariant(model.id, variant)]);
      setOpen(false);
      return;
    }
    const present = value.findIndex((id) => splitVariant(id).id === model.id);
    setValue(
      present === -1
        ? [...value, withVariant(model.id, variant)]
        : value.filter((_, position) => position !== present),
    );
  };

  const context: ModelPickerContextValue = {
    models,
    status,
    error,
    onRetry,
    value,
    setValue,
    mode,
    query,
    setQuery,
    capabilities,
    setCapabilities,
    variant,
    setVariant,
    rows,
    matchCount: matches.length,
    activeIndex,
    setActiveIndex,
    choose,
    listId,
    optionId: (position) => `${listId}-option-${position}`,
    findModel: (id) => byId.get(splitVariant(id).id),
  };
  return (
    <ModelPickerContext.Provider value={context}>
      <Popover.Root open={open} onOpenChange={setOpen}>
        <div data-slot="model-picker" data-mode={mode} data-state={open ? 'open' : 'closed'} {...props}>
          {children ?? (
            <>
              <ModelPickerTrigger />
              <ModelPickerContent>
                <ModelPickerSearch />
                <ModelPickerFilters />
                <ModelPickerVariant />
                <ModelPickerList />
              </ModelPickerContent>
              {mode === 'chain' ? <ModelPickerChain /> : null}
            </>
          )}
        </div>
      </Popover.Root>
    </ModelPickerContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Trigger
 * -----------------------------------------------------------------------------------------------*/

/** The chosen model as people read it: its name, its variant, how many fallbacks follow. */
export function describeChoice(
  value: readonly string[],
  findModel: (id: string) => Model | undefined,
): string {
  const [first, ...rest] = value;
  if (first === undefined) return 'Choose a model';
  const { variant } = splitVariant(first);
  const name = findModel(first)?.name ?? splitVariant(first).id;
  const suffix = variant === '' ? '' : ` (${variant})`;
  const fallbacks = rest.length === 0 ? '' : `, then ${rest.length} fallback${rest.length === 1 ? '' : 's'}`;
  return `${name}${suffix}${fallbacks}`;
}

/** Opens the picker; shows the choice unless given children. */
export function ModelPickerTrigger({ children, ...props }: React.ComponentProps<typeof Popover.Trigger>) {
  const { value, findModel } = useModelPicker();
  const label = describeChoice(value, findModel);
  return (
    <Popover.Trigger data-slot="model-picker-trigger" aria-label={`Model: ${label}`} {...props}>
      {children ?? label}
    </Popover.Trigger>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Content
 * -----------------------------------------------------------------------------------------------*/

/** The popover, portalled, holding the search, the filters and the list. */
export function ModelPickerContent({ children, ...props }: React.ComponentProps<typeof Popover.Content>) {
  return (
    <Popover.Portal>
      <Popover.Content
        data-slot="model-picker-content"
        aria-label="Choose a model"
        align="start"
        sideOffset={6}
        collisionPadding={8}
        {...props}
      >
        {children}
      </Popover.Content>
    </Popover.Portal>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Search
 * -----------------------------------------------------------------------------------------------*/

/** The combobox: typing filters the list; arrows, Home, End, Page keys move; Enter chooses. */
export function ModelPickerSearch({ onKeyDown, onChange, ...props }: React.ComponentProps<'input'>) {
  const { query, setQuery, rows, activeIndex, setActiveIndex, choose, listId, optionId, status } =
    useModelPicker();
  const move = (from: number, step: number) => {
    for (let position = from + step; position >= 0 && position < rows.length; position += step) {
      if (rows[position]?.kind === 'model') return setActiveIndex(position);
    }
  };
  const handleKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    switch (event.key) {
      case 'ArrowDown':
        move(activeIndex, 1);
        break;
      case 'ArrowUp':
        move(activeIndex, -1);
        break;
      case 'Home':
        move(-1, 1);
        break;
      case 'End':
        move(rows.length, -1);
        break;
      case 'PageDown':
        move(Math.min(activeIndex + PAGE_ROWS, rows.length - 1) - 1, 1);
        break;
      case 'PageUp':
        move(Math.max(activeIndex - PAGE_ROWS, 0) + 1, -1);
        break;
      case 'Enter': {
        const row = rows[activeIndex];
        if (row?.kind === 'model') choose(row.model);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };
  const active = rows[activeIndex]?.kind === 'model' ? optionId(activeIndex) : undefined;
  return (
    <input
      data-slot="model-picker-search"
      type="search"
      role="combobox"
      aria-label="Search models"
      aria-expanded={status === 'ready'}
      aria-controls={listId}
      aria-autocomplete="list"
      aria-activedescendant={active}
      autoComplete="off"
      spellCheck={false}
      placeholder="Search models"
      value={query}
      onChange={(event) => {
        onChange?.(event);
        setQuery(event.target.value);
      }}
      onKeyDown={handleKeyDown}
      {...props}
    />
  );
}

/* -------------------------------------------------------------------------------------------------
 * Filters and variant
 * -----------------------------------------------------------------------------------------------*/

/** Toggle buttons that keep only models with every pressed capability. */
export function ModelPickerFilters(props: React.ComponentProps<'fieldset'>) {
  const { capabilities, setCapabilities } = useModelPicker();
  return (
    <fieldset data-slot="model-picker-filters" {...props}>
      <legend>Only models with</legend>
      {(Object.keys(CAPABILITY_LABELS) as ModelCapability[]).map((capability) => {
        const pressed = capabilities.includes(capability);
        return (
          <button
            key={capability}
            type="button"
            data-slot="model-picker-filter"
            data-state={pressed ? 'on' : 'off'}
            aria-pressed={pressed}
            onClick={() =>
              setCapabilities(
                pressed ? capabilities.filter((item) => item !== capability) : [...capabilities, capability],
              )
            }
          >
            {CAPABILITY_LABELS[capability]}
          </button>
        );
      })}
    </fieldset>
  );
}

/** Which routing variant a model is added with: default, `:nitro` or `:floor`. */
export function ModelPickerVariant(props: React.ComponentProps<'fieldset'>) {
  const { variant, setVariant } = useModelPicker();
  const name = React.useId();
  return (
    <fieldset data-slot="model-picker-variant" {...props}>
      <legend>Routing</legend>
      {(Object.keys(VARIANT_LABELS) as ModelVariant[]).map((option) => (
        <label key={option || 'default'}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={variant === option}
            onChange={() => setVariant(option)}
          />
          {VARIANT_LABELS[option]}
        </label>
      ))}
    </fieldset>
  );
}
