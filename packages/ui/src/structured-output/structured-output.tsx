/** @jsxImportSource ../jsx */
'use client';
import type { JsonSchema, JsonSchemaIssue } from '@parley/client/chat';
import { Collapsible } from 'radix-ui';
import * as React from 'react';
import { ancestorsOf, childPath, readStructured, type StructuredReading } from './read-structured.ts';
import { createStreamingJson, type StreamingJson } from './streaming-json.ts';

/**
 * What the parts share. It changes when the person opens or closes a node or the reply completes,
 * never per token: the growing value travels in `StructuredReadingContext`, so memoised nodes whose
 * value is settled are skipped while the reply streams.
 */
interface StructuredOutputContextValue {
  issues: JsonSchemaIssue[];
  streaming: boolean;
  isOpen: (path: string) => boolean;
  setOpen: (path: string, open: boolean) => void;
  /** Opens the path's ancestors and moves focus to its node. */
  reveal: (path: string) => void;
  nodeId: (path: string) => string;
  issueId: (path: string) => string;
}
const StructuredOutputContext = React.createContext<StructuredOutputContextValue | null>(null);
const StructuredReadingContext = React.createContext<StructuredReading | null>(null);

function useStructuredOutputContext(part: string): StructuredOutputContextValue {
  const context = React.useContext(StructuredOutputContext);
  if (!context) throw new Error(`<${part}> must be used inside <StructuredOutput.Root>.`);
  return context;
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface StructuredOutputRootProps extends React.ComponentProps<'div'> {
  /** The reply's text: JSON, possibly still arriving. */
  text: string;
  /** `response_format.json_schema.schema` of the request; the complete reply is checked against it. */
  schema?: JsonSchema | undefined;
  /** The reply is still streaming: read leniently, not validated yet. */
  streaming?: boolean | undefined;
}

/**
 * A `json_object` or `json_schema` reply as a collapsible tree that grows while the JSON streams
 * in, checked against the request's schema once complete, with each problem listed by its path
 * and a button that opens and focuses the node it points at.
 *
 * @example
 * <StructuredOutput.Root text={text} schema={responseFormat.json_schema.schema} streaming={streaming} />
 */
export function StructuredOutputRoot({
  text,
  schema,
  streaming = false,
  children,
  ...props
}: StructuredOutputRootProps) {
  // While streaming, the reader parses only what arrived since its last read; deferring the text
  // lets React skip renders when tokens arrive faster than it paints.
  const deferredText = React.useDeferredValue(text);
  const readerRef = React.useRef<StreamingJson | null>(null);
  const source = streaming ? deferredText : text;
  const reading = React.useMemo(() => {
    readerRef.current ??= createStreamingJson();
    return readStructured(readerRef.current, source, schema, !streaming);
  }, [source, schema, streaming]);
  const [closed, setClosed] = React.useState<ReadonlySet<string>>(() => new Set());
  const [focusPath, setFocusPath] = React.useState<string | null>(null);
  const baseId = React.useId();
  const nodeId = React.useCallback((path: string) => `${baseId}-node-${encodeURIComponent(path)}`, [baseId]);
  const issueId = React.useCallback(
    (path: string) => `${baseId}-issue-${encodeURIComponent(path)}`,
    [baseId],
  );
  const setOpen = React.useCallback((path: string, open: boolean) => {
    setClosed((current) => {
      const next = new Set(current);
      if (open) next.delete(path);
      else next.add(path);
      return next;
    });
  }, []);
  const reveal = React.useCallback((path: string) => {
    setClosed((current) => {
      const next = new Set(current);
      for (const ancestor of ancestorsOf(path)) next.delete(ancestor);
      return next;
    });
    setFocusPath(path);
  }, []);
  React.useEffect(() => {
    if (focusPath === null) return;
    document.getElementById(nodeId(focusPath))?.focus();
    setFocusPath(null);
  }, [focusPath, nodeId]);
  const { issues } = reading;
  const context = React.useMemo(
    () => ({
      issues,
      streaming,
      isOpen: (path: string) => !closed.has(path),
      setOpen,
      reveal,
      nodeId,
      issueId,
    }),
    [issues, streaming, closed, setOpen, reveal, nodeId, issueId],
  );
  const state = streaming ? 'streaming' : reading.issues.length > 0 ? 'invalid' : 'valid';
  return (
    <StructuredOutputContext.Provider value={context}>
      <StructuredReadingContext.Provider value={reading}>
        <div data-slot="structured-output" data-status={state} {...props}>
          {children ?? (
            <>
              <StructuredOutputTree />
              <StructuredOutputIssues />
            </>
          )}
        </div>
      </StructuredReadingContext.Provider>
    </StructuredOutputContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Tree
 * -----------------------------------------------------------------------------------------------*/

export type StructuredOutputTreeProps = React.ComponentProps<'section'>;

/** The value as nested lists; objects and arrays open and close with a disclosure button. */
export function StructuredOutputTree(props: StructuredOutputTreeProps) {
  const { streaming } = useStructuredOutputContext('StructuredOutput.Tree');
  const reading = useStructuredReading('StructuredOutput.Tree');
  const { value, hasValue, isGrowing } = reading;
  return (
    <section data-slot="structured-output-tree" aria-label="Structured reply" {...props}>
      {hasValue ? (
        <ul data-slot="structured-output-list">
          <JsonNode
            name="root"
            path="$"
            value={value}
            revision={isGrowing(value) ? reading.revision : 0}
            isGrowing={isGrowing}
          />
        </ul>
      ) : (
        <p data-slot="structured-output-empty">
          {streaming ? 'Waiting for the first JSON…' : 'No JSON in the reply.'}
        </p>
      )}
    </section>
  );
}

function summary(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length} ${value.length === 1 ? 'item' : 'items'}]`;
  const count = Object.keys(value as object).length;
  return `{${count} ${count === 1 ? 'key' : 'keys'}}`;
}

function useStructuredReading(part: string): StructuredReading {
  const reading = React.useContext(StructuredReadingContext);
  if (!reading) throw new Error(`<${part}> must be used inside <StructuredOutput.Root>.`);
  return reading;
}

interface JsonNodeProps {
  name: string;
  path: string;
  value: unknown;
  /** The reading's revision while `value` is still growing in place, else 0: a settled node is skipped. */
  revision: number;
  isGrowing: (value: unknown) => boolean;
}

// Memoised: while a reply streams, only the nodes on the path to the growing end render again.
const JsonNode = React.memo(function JsonNode({ name, path, value, revision, isGrowing }: JsonNodeProps) {
  const { isOpen, setOpen, nodeId, issueId, issues } = useStructuredOutputContext('StructuredOutput.Tree');
  const invalid = issues.some((issue) => issue.path === path);
  const describedBy = invalid ? issueId(path) : undefined;
  if (value !== null && typeof value === 'object') {
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value);
    const open = isOpen(path);
    return (
      <li data-slot="structured-output-node" data-invalid={invalid ? '' : undefined}>
        <Collapsible.Root open={open} onOpenChange={(next) => setOpen(path, next)}>
          <Collapsible.Trigger
            id={nodeId(path)}
            data-slot="structured-output-toggle"
            aria-describedby={describedBy}
          >
            <span data-slot="structured-output-key">{name}</span> {summary(value)}
          </Collapsible.Trigger>
          <Collapsible.Content asChild>
            <ul data-slot="structured-output-list">
              {entries.map(([key, child]) => (
                <JsonNode
                  key={key}
                  name={String(key)}
                  path={childPath(path, key)}
                  value={child}
                  revision={isGrowing(child) ? revision : 0}
                  isGrowing={isGrowing}
                />
              ))}
            </ul>
          </Collapsible.Content>
        </Collapsible.Root>
      </li>
    );
  }
  return (
    <li
      id={nodeId(path)}
      tabIndex={-1}
      data-slot="structured-output-leaf"
      data-type={value === null ? 'null' : typeof value}
      data-invalid={invalid ? '' : undefined}
      aria-describedby={describedBy}
    >
      <span data-slot="structured-output-key">{name}</span>:{' '}
      <span data-slot="structured-output-value">{JSON.stringify(value)}</span>
    </li>
  );
});

/* -------------------------------------------------------------------------------------------------
 * Issues
 * -----------------------------------------------------------------------------------------------*/

export type StructuredOutputIssuesProps = React.ComponentProps<'section'>;

/**
 * Once complete: "Matches the schema", or each problem with its path and a button that shows the
 * node. The outcome is announced politely.
 */
export function StructuredOutputIssues(props: StructuredOutputIssuesProps) {
  const { issues, streaming, reveal, issueId } = useStructuredOutputContext('StructuredOutput.Issues');
  const { hasValue } = useStructuredReading('StructuredOutput.Issues');
  const outcome = streaming
    ? ''
    : issues.length === 0
      ? hasValue
        ? 'The reply matches the schema.'
        : ''
      : `The reply breaks the schema in ${issues.length} ${issues.length === 1 ? 'place' : 'places'}.`;
  return (
    <section data-slot="structured-output-issues" aria-label="Schema check" {...props}>
      <p data-slot="structured-output-outcome" role="status">
        {outcome}
      </p>
      {!streaming && issues.length > 0 ? (
        <ul data-slot="structured-output-issue-list">
          {issues.map((issue, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: one path can have several issues
              key={index}
              id={
                index === issues.findIndex((other) => other.path === issue.path)
                  ? issueId(issue.path)
                  : undefined
              }
            >
              <code data-slot="structured-output-path">{issue.path}</code> {issue.message}{' '}
              <button type="button" data-slot="structured-output-show" onClick={() => reveal(issue.path)}>
                Show {issue.path}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
