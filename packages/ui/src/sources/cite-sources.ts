import type { Annotation } from '@parley/client';
import { safeUrl } from '../safe-url.ts';

/** One cited page, numbered by its first citation in the reply. */
export interface Source {
  /** 1-based, the number its inline markers show. */
  number: number;
  /** The page's URL as sent; check it with `safeUrl` before it becomes a link. */
  url: string;
  title: string | undefined;
  /** The cited passage, when the server sent one. */
  content: string | undefined;
}

/**
 * The reply's `url_citation` annotations as a numbered source list: one entry per page (a page
 * cited twice keeps its first number), in the order the reply first cites them.
 */
export function toSources(annotations: readonly Annotation[] | undefined): Source[] {
  const byUrl = new Map<string, Source>();
  const ordered = [...(annotations ?? [])]
    .filter((annotation) => annotation.type === 'url_citation')
    .sort((a, b) => a.url_citation.end_index - b.url_citation.end_index);
  for (const { url_citation: citation } of ordered) {
    if (byUrl.has(citation.url)) continue;
    byUrl.set(citation.url, {
      number: byUrl.size + 1,
      url: citation.url,
      title: citation.title || undefined,
      content: citation.content || undefined,
    });
  }
  return [...byUrl.values()];
}

// Characters that would end or break a markdown link destination.
const LINK_UNSAFE = /[()<>\s]/g;

/**
 * Inserts a numbered marker, a markdown link `[[n]](url)`, after each cited span of `text`, so
 * the markdown renderer shows it where the citation points. The URL goes through `safeUrl` first;
 * a citation whose URL is unsafe gets a plain `[n]`. Spans past the text (a reply still
 * streaming, or a server counting differently) are left out rather than placed wrongly.
 */
export function citeMarkdown(text: string, annotations: readonly Annotation[] | undefined): string {
  const sources = new Map(toSources(annotations).map((source) => [source.url, source]));
  const inserts = (annotations ?? [])
    .filter((annotation) => annotation.type === 'url_citation')
    .map(({ url_citation: citation }) => ({
      at: citation.end_index,
      source: sources.get(citation.url),
    }))
    .filter((insert) => insert.at >= 0 && insert.at <= text.length && insert.source !== undefined)
    .sort((a, b) => a.at - b.at);
  let result = '';
  let from = 0;
  for (const { at, source } of inserts) {
    if (!source) continue;
    const href = safeUrl(source.url, 'link')?.replace(
      LINK_UNSAFE,
      (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
    result += text.slice(from, at);
    result += href ? ` [\\[${source.number}\\]](${href})` : ` \\[${source.number}\\]`;
    from = at;
  }
  return result + text.slice(from);
}
