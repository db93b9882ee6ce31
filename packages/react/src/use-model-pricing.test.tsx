import { createParleyClient, type Model, type ModelEndpoints } from '@parley/client';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { simulatorBaseURL } from './__fixtures__/test-chat.tsx';
import { ParleyProvider } from './parley-provider.tsx';
import { findServedPricing, type UseModelPricingOptions, useModelPricing } from './use-model-pricing.ts';

function Price({ modelId, ...options }: { modelId: string | undefined } & UseModelPricingOptions) {
  const served = useModelPricing(modelId, options);
  return (
    <output aria-label="Price">
      {served ? `${served.source}: ${served.pricing.prompt} / ${served.pricing.completion}` : 'none'}
    </output>
  );
}

/** The simulator's own answers, read over HTTP, so the test states no price of its own. */
async function simulatorPrices() {
  const client = createParleyClient({ baseURL: simulatorBaseURL() });
  const models = (await client.models.list()).data;
  const endpoints = (await client.models.endpoints('parley/echo')).data;
  return { models, endpoints };
}

const price = () => screen.getByLabelText('Price');

describe('useModelPricing against the simulator', () => {
  it('finds the serving provider’s endpoint prices', async () => {
    const { endpoints } = await simulatorPrices();
    const lyrebird = endpoints.endpoints.find((endpoint) => endpoint.provider_name === 'Lyrebird');
    render(
      <ParleyProvider baseURL={simulatorBaseURL()}>
        <Price modelId="parley/echo" provider="lyrebird" />
      </ParleyProvider>,
    );
    await waitFor(
      () =>
        expect(price()).toHaveTextContent(
          `Lyrebird: ${lyrebird?.pricing.prompt} / ${lyrebird?.pricing.completion}`,
        ),
      { timeout: 8000 },
    );
  });

  it('falls back on the model’s list price without a provider, and for a variant id', async () => {
    const { models } = await simulatorPrices();
    const echo = models.find((model) => model.id === 'parley/echo');
    render(
      <ParleyProvider baseURL={simulatorBaseURL()}>
        <Price modelId="parley/echo:floor" />
      </ParleyProvider>,
    );
    await waitFor(
      () =>
        expect(price()).toHaveTextContent(
          `parley/echo: ${echo?.pricing.prompt} / ${echo?.pricing.completion}`,
        ),
      { timeout: 8000 },
    );
  });

  it('finds nothing when not enabled, or outside a ParleyProvider', async () => {
    render(
      <>
        <ParleyProvider baseURL={simulatorBaseURL()}>
          <Price modelId="parley/echo" />
          <Price modelId="parley/echo" enabled={false} />
        </ParleyProvider>
        <Price modelId="parley/echo" />
      </>,
    );
    const [enabled, disabled, outside] = screen.getAllByLabelText('Price');
    // Once the enabled one has its prices, the cache holds them: the others still show none.
    await waitFor(() => expect(enabled).toHaveTextContent(/^parley\/echo: /), { timeout: 8000 });
    expect(disabled).toHaveTextContent('none');
    expect(outside).toHaveTextContent('none');
  });
});

describe('findServedPricing', () => {
  const model = (id: string, prompt: string, canonical?: string): Model =>
    ({ id, canonical_slug: canonical, pricing: { prompt, completion: '0' } }) as Model;
  const endpoints = (names: string[]): ModelEndpoints['data'] =>
    ({
      endpoints: names.map((name, index) => ({
        provider_name: name,
        tag: name.toLowerCase(),
        pricing: { prompt: String(index + 1), completion: '0' },
      })),
    }) as ModelEndpoints['data'];

  it('matches a dated slug the response names to its model', () => {
    const models = [model('vendor/model', '5', 'vendor/model-2026-01-01')];
    expect(findServedPricing('vendor/model-2026-01-01', undefined, models, undefined)).toMatchObject({
      source: 'vendor/model',
      pricing: { prompt: '5' },
    });
  });

  it('prefers the provider’s endpoint, and takes the list price for a provider not listed', () => {
    const models = [model('vendor/model', '9')];
    const served = endpoints(['Alpha', 'Beta']);
    expect(findServedPricing('vendor/model', 'beta', models, served)?.pricing.prompt).toBe('2');
    expect(findServedPricing('vendor/model', 'Gamma', models, served)?.pricing.prompt).toBe('9');
    expect(findServedPricing('other/model', undefined, models, served)).toBeUndefined();
  });
});
