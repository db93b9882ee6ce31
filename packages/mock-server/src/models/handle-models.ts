import type { ModelEndpoints, ModelList } from '@parley/client';
import { jsonResponse, notFound } from '../http/errors.ts';
import { findModel, listModels } from './catalog.ts';

/** `GET /models`: every simulated model in OpenRouter's shape. */
export function handleListModels(): Response {
  const body: ModelList = { data: listModels().map((entry) => entry.model) };
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
