/** @jsxImportSource ../jsx */
'use client';
/**
 * The chosen model's endpoints (`useModelEndpoints`): provider, quantization, price, context,
 * latency, throughput, uptime and status, sortable by any column, each row addable to the
 * preferences' `order`, `only` or `ignore`.
 */
import type { ModelEndpoint } from '@parley/client';
import * as React from 'react';
import { contextLabel, pricePerMillion } from '../model-picker/model-facts.ts';
import { withField } from './fields.tsx';
import { useProviderPrefs } from './provider-prefs-context.ts';

type Column =
  | 'provider'
  | 'quantization'
  | 'price'
  | 'context'
  | 'latency'
  | 'throughput'
  | 'uptime'
  | 'status';

const COLUMNS: readonly (readonly [Column, string])[] = [
  ['provider', 'Provider'],
  ['quantization', 'Quantization'],
  ['price', 'Price in / out per 1M'],
  ['context', 'Context'],
  ['latency', 'Latency'],
  ['throughput', 'Throughput'],
  ['uptime', 'Uptime'],
  ['status', 'Status'],
];

function sortKey(endpoint: ModelEndpoint, column: Column): number | string {
  switch (column) {
    case 'provider':
      return endpoint.provider_name.toLowerCase();
    case 'quantization':
      return endpoint.quantization ?? '';
    case 'price':
      return Number(endpoint.pricing.prompt) + Number(endpoint.pricing.completion);
    case 'context':
      return endpoint.context_length;
    case 'latency':
      return endpoint.latency_last_30m ?? Number.POSITIVE_INFINITY;
    case 'throughput':
      return endpoint.throughput_last_30m ?? 0;
    case 'uptime':
      return endpoint.uptime_last_30m ?? 0;
    case 'status':
      return endpoint.status;
  }
}

/** OpenRouter reports 0 for a healthy endpoint and negative numbers for degraded or down. */
function statusLabel(status: number): string {
  if (status === 0) return 'OK';
  return status <= -2 ? 'Down' : 'Degraded';
}

export interface EndpointExplorerProps extends React.ComponentProps<'section'> {
  endpoints: readonly ModelEndpoint[];
  status?: 'loading' | 'error' | 'ready' | undefined;
  error?: string | undefined;
}

/** The endpoints table; must sit inside `ProviderPrefs.Root`, whose lists its row actions change. */
export function EndpointExplorer({ endpoints, status = 'ready', error, ...props }: EndpointExplorerProps) {
  const { value, setValue } = useProviderPrefs();
  const [sort, setSort] = React.useState<{ column: Column; direction: 'ascending' | 'descending' }>({
    column: 'price',
    direction: 'ascending',
  });
  const rows = React.useMemo(() => {
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...endpoints].sort((a, b) => {
      const left = sortKey(a, sort.column);
      const right = sortKey(b, sort.column);
      return sign * (left < right ? -1 : left > right ? 1 : 0);
    });
  }, [endpoints, sort]);

  const addTo = (list: 'order' | 'only' | 'ignore', name: string) => {
    const current = (value[list] ?? []).map(String);
    if (current.includes(name)) return;
    setValue(withField(value, list, [...current, name]));
  };

  let body: React.ReactNode;
  if (status === 'loading') body = <p role="status">Loading providers…</p>;
  else if (status === 'error')
    body = <p role="alert">Could not load the providers{error ? `: ${error}` : '.'}</p>;
  else if (rows.length === 0) body = <p>No provider serves this model.</p>;
  else
    body = (
      <table data-slot="endpoint-explorer-table">
        <thead>
          <tr>
            {COLUMNS.map(([column, label]) => (
              <th key={column} scope="col" aria-sort={sort.column === column ? sort.direction : undefined}>
                <button
                  type="button"
                  onClick={() =>
                    setSort((current) => ({
                      column,
                      direction:
                        current.column === column && current.direction === 'ascending'
                          ? 'descending'
                          : 'ascending',
                    }))
                  }
                >
                  {label}
                </button>
              </th>
            ))}
            <th scope="col">Use</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((endpoint) => {
            const name = endpoint.provider_name;
            return (
              <tr key={`${endpoint.name}-${name}`} data-slot="endpoint-explorer-row">
                <th scope="row">{name}</th>
                <td>{endpoint.quantization ?? '—'}</td>
                <td>
                  {pricePerMillion(endpoint.pricing.prompt)} / {pricePerMillion(endpoint.pricing.completion)}
                </td>
                <td>{contextLabel(endpoint.context_length)}</td>
                <td>{endpoint.latency_last_30m == null ? '—' : `${endpoint.latency_last_30m} ms`}</td>
                <td>
                  {endpoint.throughput_last_30m == null ? '—' : `${endpoint.throughput_last_30m} tok/s`}
                </td>
                <td>{endpoint.uptime_last_30m == null ? '—' : `${endpoint.uptime_last_30m}%`}</td>
                <td data-status={statusLabel(endpoint.status).toLowerCase()}>
                  {statusLabel(endpoint.status)}
                </td>
                <td data-slot="endpoint-explorer-actions">
                  <button
                    type="button"
                    aria-label={`Add ${name} to order`}
                    onClick={() => addTo('order', name)}
                  >
                    Order
                  </button>
                  <button
                    type="button"
                    aria-label={`Add ${name} to only`}
                    onClick={() => addTo('only', name)}
                  >
                    Only
                  </button>
                  <button
                    type="button"
                    aria-label={`Add ${name} to ignore`}
                    onClick={() => addTo('ignore', name)}
                  >
                    Ignore
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  return (
    <section data-slot="endpoint-explorer" aria-label="Providers of this model" {...props}>
      <h3 data-slot="endpoint-explorer-title">Providers of this model</h3>
      {body}
    </section>
  );
}
