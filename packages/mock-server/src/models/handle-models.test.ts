import type { ModelEndpoints, ModelList } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { useSimulator } from '../testing/harness.ts';

const simulator = useSimulator();
// Prices as OpenRouter writes them: "0.0000001", never "1e-7".
const DECIMAL = /^\d+(\.\d+)?$/;

describe('GET /models', () => {
  it('lists every simulated model in OpenRouter’s shape', async () => {
    const response = await fetch(`${simulator().baseURL}/models`);
    const body: ModelList = await response.json();
    expect(body.data.map((model) => model.id)).toEqual([
      'parley/echo',
      'parley/reasoner',
      'parley/tool-caller',
      'parley/vision',
      'parley/structured',
    ]);
    for (const model of body.data) {
      expect(model).toMatchObject({
        name: expect.any(String),
        description: expect.any(String),
        created: expect.any(Number),
        context_length: expect.any(Number),
        pricing: {
          prompt: expect.stringMatching(DECIMAL),
          completion: expect.stringMatching(DECIMAL),
          image: expect.stringMatching(DECIMAL),
          request: expect.stringMatching(DECIMAL),
        },
        architecture: { input_modalities: expect.arrayContaining(['text']), output_modalities: ['text'] },
        top_provider: { context_length: expect.any(Number) },
        supported_parameters: expect.arrayContaining(['max_tokens', 'temperature']),
      });
    }
  });

  it.each([
    ['tools', ['parley/tool-caller']],
    ['reasoning', ['parley/reasoner']],
    ['structured_outputs', ['parley/structured']],
    ['temperature,tools', ['parley/tool-caller']],
    ['tools,reasoning', []],
    ['no_such_parameter', []],
    ['', ['parley/echo', 'parley/reasoner', 'parley/tool-caller', 'parley/vision', 'parley/structured']],
  ])(
    'filters by ?supported_parameters=%s as OpenRouter does (every listed one supported)',
    async (query, ids) => {
      const response = await fetch(`${simulator().baseURL}/models?supported_parameters=${query}`);
      expect(response.status).toBe(200);
      const { data }: ModelList = await response.json();
      expect(data.map((model) => model.id)).toEqual(ids);
      for (const model of data) {
        for (const name of query.split(',').filter(Boolean))
          expect(model.supported_parameters).toContain(name);
      }
    },
  );

  it('says which models reason, call tools, see and follow schemas', async () => {
    const { data }: ModelList = await (await fetch(`${simulator().baseURL}/models`)).json();
    const byId = new Map(data.map((model) => [model.id, model]));
    expect(byId.get('parley/reasoner')?.reasoning).toEqual({
      supported: true,
      efforts: ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'],
      returns_encrypted: true,
      returns_summary: true,
    });
    expect(byId.get('parley/tool-caller')?.supported_parameters).toContain('tools');
    expect(byId.get('parley/vision')?.architecture.input_modalities).toEqual([
      'text',
      'image',
      'audio',
      'video',
    ]);
    expect(byId.get('parley/structured')?.supported_parameters).toContain('structured_outputs');
    expect(byId.get('parley/echo')?.supported_parameters).not.toContain('tools');
  });

  it('is the same on every call, so clients can cache it', async () => {
    const first = await (await fetch(`${simulator().baseURL}/models`)).text();
    const second = await (await fetch(`${simulator().baseURL}/models`)).text();
    expect(second).toBe(first);
  });
});

describe('GET /models/{author}/{slug}/endpoints', () => {
  it('lists the simulated providers with price, speed, quantization and status', async () => {
    const response = await fetch(`${simulator().baseURL}/models/parley/echo/endpoints`);
    const body: ModelEndpoints = await response.json();
    expect(body.data.id).toBe('parley/echo');
    expect(body.data.endpoints.map((endpoint) => endpoint.provider_name)).toEqual([
      'Parley',
      'Lyrebird',
      'Mynah',
    ]);
    for (const endpoint of body.data.endpoints) {
      expect(endpoint).toMatchObject({
        quantization: expect.any(String),
        context_length: 32_768,
        pricing: { prompt: expect.stringMatching(DECIMAL), completion: expect.stringMatching(DECIMAL) },
        supported_parameters: expect.any(Array),
        status: 0,
        uptime_last_30m: expect.any(Number),
        latency_last_30m: expect.any(Number),
        throughput_last_30m: expect.any(Number),
      });
    }
  });

  it('leaves out parameters a provider does not support', async () => {
    const body: ModelEndpoints = await (
      await fetch(`${simulator().baseURL}/models/parley/echo/endpoints`)
    ).json();
    const lyrebird = body.data.endpoints.find((endpoint) => endpoint.provider_name === 'Lyrebird');
    expect(lyrebird?.supported_parameters).not.toContain('logprobs');
  });

  it('answers 404 for a model it does not have', async () => {
    const response = await fetch(`${simulator().baseURL}/models/parley/nothing/endpoints`);
    expect(response.status).toBe(404);
  });
});
