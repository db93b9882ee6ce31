import type { ModelEndpoints, ModelList } from '@parley/client';
import { jsonResponse, notFound } from '../http/errors.ts';
import { findModel, listModels } from './catalog.ts';

/**
 * `GET /models`: the simulated models in OpenRouter's shape. `?supported_parameters=tools,reasoning`
 * keeps, as OpenRouter does, only the models that support every listed parameter.
 * @see https://openrouter.ai/docs/api-reference/list-available-models
 */
export function handleListModels(url: URL): Response {
  const wanted = url.searchParams
    .getAll('supported_parameters')
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const models = listModels()
    .map((entry) => entry.model)
    .filter((model) => wanted.every((name) => model.supported_parameters.includes(name)));
  const body: ModelList = { data: models };
  return jsonResponse(body);
}

/** `GET /models/{author}/{slug}/endpoints`: the simulated providers serving a model. */
export function handleModelEndpoints(author: string, slug: string): Response {
  const id = `${decodeURIComponent(author)}/${decodeURIComponent(slug)}`;
  const found = findModel(id);
  if (!found) throw notFound(`Model ${id} not found`, 'model_not_found', 'model');
  const { model, endpoints } = found.entry;
  const body: ModelEndpoints = {
    data: {
      id: model.id,
      name: model.name,
      created: model.created,
      description: model.description,
      architecture: model.architecture,
      endpoints,
    },
  };
  return jsonResponse(body);
}
