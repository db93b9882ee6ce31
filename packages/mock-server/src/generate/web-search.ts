import { lastUserText } from './conversation.ts';
import { keywords } from './echo.ts';
import { tokenize } from './tokens.ts';
import type { ChatRequest, Turn, UrlCitation } from './turn.ts';

// OpenRouter's web plugin returns 5 results unless `max_results` says otherwise.
const DEFAULT_MAX_RESULTS = 5;
// Kept small: each result adds a sentence to the answer.
const MAX_RESULTS = 10;

// Fictional sites under `.example`, a domain reserved for documentation (RFC 2606): never a real page.
const SITES = [
  { host: 'gazette.parley.example', name: 'The Parley Gazette' },
  { host: 'wiki.parley.example', name: 'Parley Wiki' },
  { host: 'journal.parley.example', name: 'The Simulated Journal' },
  { host: 'almanac.parley.example', name: 'Parley Almanac' },
  { host: 'notes.parley.example', name: 'Field Notes' },
];

/** Whether the request asks for web search: the `web` plugin (not disabled) or an `:online` model. */
export function wantsWebSearch(params: ChatRequest, modelId: string): boolean {
  if (modelId.endsWith(':online')) return true;
  return (params.plugins ?? []).some(
    (plugin) => plugin.id === 'web' && (plugin as { enabled?: boolean }).enabled !== false,
  );
}

/**
 * Adds a "From the web" paragraph to the answer, one sentence per fictional search result, and a
 * `url_citation` annotation per sentence whose `start_index`/`end_index` span that sentence in the
 * content. Pages are named after the message's keywords, so the same request cites the same pages.
 */
export function withWebCitations(turn: Turn, params: ChatRequest): Turn {
  // Tool rounds and JSON answers stay as they are: a sentence appended to JSON would break it.
  if (turn.toolCalls.length > 0 || (params.response_format && params.response_format.type !== 'text')) {
    return turn;
  }
  const web = (params.plugins ?? []).find((plugin) => plugin.id === 'web') as
    | { max_results?: number }
    | undefined;
  const count = Math.max(1, Math.min(MAX_RESULTS, Math.floor(web?.max_results ?? DEFAULT_MAX_RESULTS)));
  const topics = keywords(lastUserText(params.messages), count);
  if (topics.length === 0) topics.push('conversation');
  let text = turn.content.join('');
  text += text === '' ? 'From the web:' : '\n\nFrom the web:';
  const annotations: UrlCitation[] = [];
  for (let index = 0; index < count; index++) {
    const site = SITES[index % SITES.length] as (typeof SITES)[number];
    const topic = topics[index % topics.length] as string;
    const sentence = `${site.name} has a page about ${topic}.`;
    const start = text.length + 1;
    text += ` ${sentence}`;
    const path = `${encodeURIComponent(topic)}${index >= SITES.length ? `-${index + 1}` : ''}`;
    annotations.push({
      type: 'url_citation',
      url_citation: {
        url: `https://${site.host}/${path}`,
        title: `${topic[0]?.toUpperCase() ?? ''}${topic.slice(1)} | ${site.name}`,
        content: `A fictional page about ${topic}, invented by the Parley simulator so that citations can be shown and tested.`,
        start_index: start,
        end_index: start + sentence.length,
      },
    });
  }
  return { ...turn, content: tokenize(text), annotations };
}
