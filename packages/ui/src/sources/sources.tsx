/** @jsxImportSource ../jsx */
'use client';
import type { Annotation } from '@parley/client';
import { VisuallyHidden } from 'radix-ui';
import * as React from 'react';
import { safeUrl, urlOrigin } from '../safe-url.ts';
import { type Source, toSources } from './cite-sources.ts';

interface SourcesContextValue {
  sources: Source[];
}
const SourcesContext = React.createContext<SourcesContextValue>({ sources: [] });

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface SourcesRootProps extends React.ComponentProps<'section'> {
  /** The reply's annotations; `url_citation` entries become numbered sources. */
  annotations?: readonly Annotation[] | undefined;
}

/**
 * The pages a reply cites (OpenRouter's web search `url_citation` annotations), numbered like the
 * inline markers `citeMarkdown` puts in the text. Renders nothing when there are none.
 *
 * @example
 * <Sources.Root annotations={message.annotations}>
 *   <Sources.List />
 * </Sources.Root>
 */
export function SourcesRoot({ annotations, children, ...props }: SourcesRootProps) {
  const sources = React.useMemo(() => toSources(annotations), [annotations]);
  const context = React.useMemo(() => ({ sources }), [sources]);
  if (sources.length === 0) return null;
  return (
    <SourcesContext.Provider value={context}>
      <section data-slot="sources" aria-label="Sources" {...props}>
        {children ?? <SourcesList />}
      </section>
    </SourcesContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * List
 * -----------------------------------------------------------------------------------------------*/

export type SourcesListProps = React.ComponentProps<'ol'>;

/** The numbered list; each entry is a {@link SourcesItem} unless children are given. */
export function SourcesList({ children, ...props }: SourcesListProps) {
  const { sources } = React.useContext(SourcesContext);
  return (
    <ol data-slot="sources-list" {...props}>
      {children ?? sources.map((source) => <SourcesItem key={source.url} source={source} />)}
    </ol>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Item
 * -----------------------------------------------------------------------------------------------*/

export interface SourcesItemProps extends React.ComponentProps<'li'> {
  source: Source;
}

/**
 * One source: its number, its title as a link (opened in a new tab with `rel="noopener
 * noreferrer"`), its site, and the cited passage. An unsafe URL is shown as text, never linked.
 */
export function SourcesItem({ source, ...props }: SourcesItemProps) {
  const href = safeUrl(source.url, 'link');
  const site = urlOrigin(source.url);
  const label = source.title ?? site ?? source.url;
  return (
    <li data-slot="sources-item" value={source.number} {...props}>
      {href ? (
        <a data-slot="sources-link" href={href} target="_blank" rel="noopener noreferrer">
          {label}
          <VisuallyHidden.Root> (opens in a new tab)</VisuallyHidden.Root>
        </a>
      ) : (
        <span data-slot="sources-link" data-disabled="">
          {label}
        </span>
      )}
      {site && site !== label ? <span data-slot="sources-site"> {site}</span> : null}
      {source.content ? <p data-slot="sources-excerpt">{source.content}</p> : null}
    </li>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Marker
 * -----------------------------------------------------------------------------------------------*/

export interface SourcesMarkerProps extends Omit<React.ComponentProps<'a'>, 'href'> {
  source: Source;
}

/** An inline `[n]` linking to the source, for layouts that place markers themselves. */
export function SourcesMarker({ source, ...props }: SourcesMarkerProps) {
  const href = safeUrl(source.url, 'link');
  const name = `Source ${source.number}: ${source.title ?? urlOrigin(source.url) ?? source.url}`;
  if (!href) {
    return (
      <sup data-slot="sources-marker" data-disabled="">
        [{source.number}]
      </sup>
    );
  }
  return (
    <sup data-slot="sources-marker">
      <a href={href} target="_blank" rel="noopener noreferrer" aria-label={name} {...props}>
        [{source.number}]
      </a>
    </sup>
  );
}
