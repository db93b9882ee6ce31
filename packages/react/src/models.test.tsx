import { createParleyClient, type Model } from '@parley/client';
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { simulatorBaseURL } from './__fixtures__/test-chat.tsx';
import { filterModels, modelsQueryOptions, queryKeys, useModelEndpoints, useModels } from './models.ts';
import { ParleyProvider } from './parley-provider.tsx';

function ModelList(props: Parameters<typeof useModels>[0]) {
  const { data, isPending } = useModels(props);
  if (isPending) return <p>Loading models</p>;
  return (
    <ul aria-label="Models">
      {data?.map((model) => (
        <li key={model.id}>{model.id}</li>
      ))}
    </ul>
  );
}

function Providers({ modelId }: { modelId: string }) {
  const { data } = useModelEndpoints(modelId);
  return (
    <ul aria-label="Providers">
      {data?.endpoints.map((endpoint) => (
        <li key={endpoint.name}>{endpoint.provider_name}</li>
      ))}
    </ul>
  );
}

describe('models through react-query', () => {
  it('lists the models of the API', async () => {
    render(
      <ParleyProvider baseURL={simulatorBaseURL()}>
        <ModelList />
      </ParleyProvider>,
    );
    expect(await screen.findByText('parley/echo', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText('parley/vision')).toBeInTheDocument();
  });

  it('lists only the models that take images when asked to', async () => {
    render(
      <ParleyProvider baseURL={simulatorBaseURL()}>
        <ModelList inputModalities={['image']} />
      </ParleyProvider>,
    );
    expect(await screen.findByText('parley/vision', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByText('parley/echo')).toBeNull();
  });

  it('lists the providers serving a model', async () => {
    render(
      <ParleyProvider baseURL={simulatorBaseURL()}>
        <Providers modelId="parley/echo" />
      </ParleyProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Providers' });
    await expect.poll(() => list.querySelectorAll('li').length, { timeout: 8000 }).toBeGreaterThan(0);
  });

  it('shares one cached list between components and the query options', async () => {
    const client = createParleyClient({ baseURL: simulatorBaseURL() });
    const queryClient = new QueryClient();
    const models = await queryClient.fetchQuery(modelsQueryOptions(client));
    render(
      <ParleyProvider client={client} queryClient={queryClient}>
        <ModelList />
      </ParleyProvider>,
    );
    expect(screen.queryByText('Loading models')).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(models.length);
    expect(queryClient.getQueryData(queryKeys.models(client))).toBe(models);
  });
});

describe('filterModels', () => {
  const model = (id: string, input: Model['architecture']['input_modalities'], parameters: string[]) =>
    ({
      id,
      architecture: { input_modalities: input, output_modalities: ['text'] },
      supported_parameters: parameters,
    }) as Model;

  it('keeps the models offering every listed modality and parameter', () => {
    const models = [model('a', ['text'], ['tools']), model('b', ['text', 'image'], ['tools', 'reasoning'])];
    expect(filterModels(models, { inputModalities: ['image'] }).map((m) => m.id)).toEqual(['b']);
    expect(filterModels(models, { supportedParameters: ['tools'] }).map((m) => m.id)).toEqual(['a', 'b']);
    expect(filterModels(models, { supportedParameters: ['tools', 'reasoning'] }).map((m) => m.id)).toEqual([
      'b',
    ]);
  });
});
