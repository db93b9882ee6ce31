/** @jsxImportSource ../jsx */
'use client';
/**
 * ProviderPrefs: a form for every field of the spec's `provider` object. It emits exactly that
 * object with only the fields the person set, refuses numbers out of range, and says in words
 * what the preferences will do.
 */
import type { ModelEndpoint, ProviderPreferences, Quantization } from '@parley/client';
import { useControllableState } from 'radix-ui/internal';
import * as React from 'react';
import { describeProviderPrefsSentence } from './describe-provider-prefs.ts';
import { EndpointExplorer } from './endpoint-explorer.tsx';
import { BooleanField, ChoiceField, NumberField, withField } from './fields.tsx';
import { ProviderList } from './provider-list.tsx';
import {
  ProviderPrefsContext,
  type ProviderPrefsContextValue,
  useProviderPrefs,
} from './provider-prefs-context.ts';

/** The quantizations the spec names. */
export const QUANTIZATIONS: readonly Quantization[] = [
  'int4',
  'int8',
  'fp4',
  'fp6',
  'fp8',
  'fp16',
  'bf16',
  'fp32',
  'unknown',
];

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface ProviderPrefsRootProps
  extends Omit<React.ComponentProps<'form'>, 'defaultValue' | 'onChange' | 'onSubmit'> {
  value?: ProviderPreferences | undefined;
  defaultValue?: ProviderPreferences | undefined;
  /** Called with the spec's `provider` object: only the fields set, nothing empty. */
  onValueChange?: ((value: ProviderPreferences) => void) | undefined;
  /** The chosen model's endpoints: suggested provider names, and the explorer's rows. */
  endpoints?: readonly ModelEndpoint[] | undefined;
  /** Where the endpoints are (for the explorer). */
  endpointsStatus?: 'loading' | 'error' | 'ready' | undefined;
  endpointsError?: string | undefined;
}

/**
 * The routing preferences form. Without children: the summary, the providers (order, only,
 * ignore), policies, sorting, limits and, when `endpoints` are given, the endpoint explorer.
 *
 * @example
 * const [provider, setProvider] = React.useState({});
 * <ProviderPrefs.Root value={provider} onValueChange={setProvider} endpoints={data?.endpoints} />
 */
export function ProviderPrefsRoot({
  value: valueProp,
  defaultValue,
  onValueChange,
  endpoints,
  endpointsStatus,
  endpointsError,
  children,
  ...props
}: ProviderPrefsRootProps) {
  const [value = {}, setValue] = useControllableState<ProviderPreferences>({
    prop: valueProp,
    defaultProp: defaultValue ?? {},
    onChange: onValueChange,
    caller: 'ProviderPrefs',
  });
  const providerNames = React.useMemo(
    () => [...new Set((endpoints ?? []).map((endpoint) => endpoint.provider_name))],
    [endpoints],
  );
  const context: ProviderPrefsContextValue = {
    value,
    setValue,
    set: (key, field) => setValue(withField(value, key, field)),
    providerNames,
  };
  return (
    <ProviderPrefsContext.Provider value={context}>
      <form
        data-slot="provider-prefs"
        aria-label="Provider routing"
        onSubmit={(event) => event.preventDefault()}
        {...props}
      >
        {children ?? (
          <>
            <ProviderPrefsSummary />
            <ProviderPrefsProviders />
            <ProviderPrefsPolicies />
            <ProviderPrefsSort />
            <ProviderPrefsLimits />
            {endpoints || endpointsStatus ? (
              <EndpointExplorer
                endpoints={endpoints ?? []}
                status={endpointsStatus ?? 'ready'}
                {...(endpointsError === undefined ? {} : { error: endpointsError })}
              />
            ) : null}
          </>
        )}
      </form>
    </ProviderPrefsContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Summary
 * -----------------------------------------------------------------------------------------------*/

/** What the preferences will do, in words, announced as they change. */
export function ProviderPrefsSummary(props: React.ComponentProps<'p'>) {
  const { value } = useProviderPrefs();
  return (
    <p data-slot="provider-prefs-summary" role="status" {...props}>
      {describeProviderPrefsSentence(value)}
    </p>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Providers: order, only, ignore
 * -----------------------------------------------------------------------------------------------*/

/** The provider lists: `order` (reorderable), `only` and `ignore`. */
export function ProviderPrefsProviders(props: React.ComponentProps<'fieldset'>) {
  const { value, set, providerNames } = useProviderPrefs();
  const names = (list: ProviderPreferences['order']) => (list ?? []).map(String);
  const emit = (key: 'order' | 'only' | 'ignore') => (next: string[]) =>
    set(key, next.length === 0 ? undefined : next);
  return (
    <fieldset data-slot="provider-prefs-providers" {...props}>
      <legend>Providers</legend>
      <ProviderList
        label="Try first, in order"
        names={names(value.order)}
        onNamesChange={emit('order')}
        suggestions={providerNames}
        reorderable
      />
      <ProviderList
        label="Only these"
        names={names(value.only)}
        onNamesChange={emit('only')}
        suggestions={providerNames}
      />
      <ProviderList
        label="Never these"
        names={names(value.ignore)}
        onNamesChange={emit('ignore')}
        suggestions={providerNames}
      />
    </fieldset>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Policies
 * -----------------------------------------------------------------------------------------------*/

/** The yes-or-no policies of the spec's `provider` object. */
type BooleanPolicy = 'allow_fallbacks' | 'require_parameters' | 'zdr' | 'enforce_distillable_text';

// Routing comes before the data collection choice, the data policies after it.
const ROUTING_POLICIES: ReadonlyArray<readonly [BooleanPolicy, string]> = [
  ['allow_fallbacks', 'Fall back to other providers'],
  ['require_parameters', 'Require every parameter supported'],
];
const DATA_POLICIES: ReadonlyArray<readonly [BooleanPolicy, string]> = [
  ['zdr', 'Zero data retention only'],
  ['enforce_distillable_text', 'Only distillable output'],
];

function PolicyFields({ policies }: { policies: ReadonlyArray<readonly [BooleanPolicy, string]> }) {
  const { value, set } = useProviderPrefs();
  return policies.map(([key, label]) => (
    <BooleanField
      key={key}
      label={label}
      value={value[key] ?? undefined}
      onValueChange={(next) => set(key, next)}
    />
  ));
}

/** Fallbacks, parameter support, data policy, distillation and quantizations. */
export function ProviderPrefsPolicies(props: React.ComponentProps<'fieldset'>) {
  const { value, set } = useProviderPrefs();
  const quantizations = value.quantizations ?? [];
  return (
    <fieldset data-slot="provider-prefs-policies" {...props}>
      <legend>Policies</legend>
      <PolicyFields policies={ROUTING_POLICIES} />
      <ChoiceField
        label="Data collection"
        value={value.data_collection ?? undefined}
        onValueChange={(next) => set('data_collection', next)}
        options={[
          ['allow', 'Allow providers that keep or train on data'],
          ['deny', 'Deny: never providers that keep or train on data'],
        ]}
      />
      <PolicyFields policies={DATA_POLICIES} />
      <fieldset data-slot="provider-prefs-quantizations">
        <legend>Quantizations (none checked: any)</legend>
        {QUANTIZATIONS.map((quantization) => (
          <label key={quantization}>
            <input
              type="checkbox"
              checked={quantizations.includes(quantization)}
              onChange={(event) => {
                const next = event.target.checked
                  ? QUANTIZATIONS.filter((item) => item === quantization || quantizations.includes(item))
                  : quantizations.filter((item) => item !== quantization);
                set('quantizations', next.length === 0 ? undefined : next);
              }}
            />
            {quantization}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Sort
 * -----------------------------------------------------------------------------------------------*/

type SortBy = 'price' | 'throughput' | 'latency';
type Partition = 'model' | 'none';

/** `sort`: by price, throughput or latency, and whether the sort spans fallback models. */
export function ProviderPrefsSort(props: React.ComponentProps<'fieldset'>) {
  const { value, set } = useProviderPrefs();
  const sort = value.sort ?? undefined;
  const by = (typeof sort === 'string' ? sort : (sort?.by ?? undefined)) as SortBy | undefined;
  const partition = (typeof sort === 'object' ? (sort?.partition ?? undefined) : undefined) as
    | Partition
    | undefined;
  // The spec takes a bare string for the common case; the object only when a partition is chosen.
  const emit = (nextBy: SortBy | undefined, nextPartition: Partition | undefined) =>
    set(
      'sort',
      nextPartition === undefined
        ? nextBy
        : nextBy === undefined
          ? { partition: nextPartition }
          : { by: nextBy, partition: nextPartition },
    );
  return (
    <fieldset data-slot="provider-prefs-sort" {...props}>
      <legend>Sort</legend>
      <ChoiceField
        label="Sort providers by"
        value={by}
        onValueChange={(next) => emit(next, partition)}
        options={[
          ['price', 'Price (cheapest first)'],
          ['throughput', 'Throughput (fastest output first)'],
          ['latency', 'Latency (quickest answer first)'],
        ]}
      />
      <ChoiceField
        label="Sort across"
        value={partition}
        onValueChange={(next) => emit(by, next)}
        options={[
          ['model', 'Each model separately'],
          ['none', 'All models together'],
        ]}
      />
    </fieldset>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Limits
 * -----------------------------------------------------------------------------------------------*/

const PRICE_FIELDS = [
  ['prompt', 'Max prompt price ($ per 1M tokens)'],
  ['completion', 'Max completion price ($ per 1M tokens)'],
  ['image', 'Max image price ($ per image)'],
  ['audio', 'Max audio price ($ per clip)'],
  ['request', 'Max request price ($ per request)'],
] as const;

const PERFORMANCE_FIELDS = [
  ['min_throughput', 'Minimum throughput (tokens/s)'],
  ['max_latency', 'Maximum latency (s to first token)'],
  ['preferred_min_throughput', 'Preferred minimum throughput (tokens/s)'],
  ['preferred_max_latency', 'Preferred maximum latency (s)'],
] as const;

/** `max_price` and the throughput and latency limits, hard and preferred. */
export function ProviderPrefsLimits(props: React.ComponentProps<'fieldset'>) {
  const { value, set } = useProviderPrefs();
  const price = value.max_price ?? {};
  return (
    <fieldset data-slot="provider-prefs-limits" {...props}>
      <legend>Limits</legend>
      {PRICE_FIELDS.map(([key, label]) => (
        <NumberField
          key={key}
          label={label}
          min={0}
          value={
            typeof price[key] === 'number'
              ? price[key]
              : price[key] === undefined
                ? undefined
                : Number(price[key])
          }
          onValueChange={(next) => {
            const nextPrice = withField(price, key, next);
            set('max_price', Object.keys(nextPrice).length === 0 ? undefined : nextPrice);
          }}
        />
      ))}
      {PERFORMANCE_FIELDS.map(([key, label]) => (
        <NumberField
          key={key}
          label={label}
          min={0}
          value={value[key] ?? undefined}
          onValueChange={(next) => set(key, next)}
        />
      ))}
    </fieldset>
  );
}
