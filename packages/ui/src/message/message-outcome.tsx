/** @jsxImportSource ../jsx */
'use client';
import type { ChatMessage, ChatPart, JsonSchema } from '@parley/client/chat';
import * as React from 'react';
import * as FinishNotice from '../finish-notice/index.ts';
import { LazyRender, lazyComponent } from '../lazy-component.tsx';
import type { LogprobsViewRootProps } from '../logprobs-view/logprobs-view.tsx';
import { CopyButton } from '../markdown/copy-button.tsx';
import * as Refusal from '../refusal/index.ts';
import { citeMarkdown } from '../sources/cite-sources.ts';
import * as Sources from '../sources/index.ts';
import * as StructuredOutput from '../structured-output/index.ts';
import * as UsageMeter from '../usage-meter/index.ts';
import { useMessageContext } from './message-context.ts';

/**
 * The parts of a message that show what came back besides its text: a refusal, why it ended
 * early, its web sources, a structured (JSON) reply, and in Details its generation id, usage and
 * token probabilities.
 */

/** The text parts with numbered citation markers after each cited span (web search replies). */
export function useCitedParts(message: ChatMessage): ChatPart[] {
  const { parts, annotations } = message;
  return React.useMemo(() => {
    const texts = parts.filter((part) => part.type === 'text');
    // Spans index the reply's text; with more than one text part they cannot be placed safely.
    if (!annotations?.length || texts.length !== 1) return parts;
    return parts.map((part) =>
      part.type === 'text' ? { ...part, text: citeMarkdown(part.text, annotations) } : part,
    );
  }, [parts, annotations]);
}

/** The request's JSON Schema when the reply was asked for as JSON; `null` when it was not. */
export function structuredSchema(message: ChatMessage): JsonSchema | undefined | null {
  const format = message.responseFormat;
  if (message.role !== 'assistant' || !format) return null;
  if (format.type === 'json_schema') return format.json_schema.schema as JsonSchema | undefined;
  return format.type === 'json_object' ? undefined : null;
}

/* -------------------------------------------------------------------------------------------------
 * Structured
 * -----------------------------------------------------------------------------------------------*/

/** A `json_object` or `json_schema` reply as a live tree, checked against the request's schema. */
export function MessageStructured(props: Omit<StructuredOutput.StructuredOutputRootProps, 'text'>) {
  const { message, editing } = useMessageContext('Structured');
  const schema = structuredSchema(message);
  if (editing || schema === null) return null;
  // One text part is the usual reply: passed as is, so a token does not copy the whole text.
  const [only] = message.parts;
  const text =
    message.parts.length === 1 && only?.type === 'text'
      ? only.text
      : message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
  return (
    <StructuredOutput.Root
      text={text}
      schema={schema}
      streaming={message.status === 'streaming' || message.status === 'pending'}
      {...props}
    />
  );
}

/* -------------------------------------------------------------------------------------------------
 * Refusal, FinishNotice, Sources
 * -----------------------------------------------------------------------------------------------*/

/** The model's refusal, apart from content; nothing when it did not refuse. */
export function MessageRefusal(props: Omit<Refusal.RefusalRootProps, 'refusal'>) {
  const { message } = useMessageContext('Refusal');
  return <Refusal.Root refusal={message.refusal} streaming={message.status === 'streaming'} {...props} />;
}

/**
 * Where a reply that ended early ends, and why: cut by its length limit (Continue), stopped by the
 * content filter (Rephrase), or ended by an `error` finish, with what the provider reported (Retry).
 * The one notice for such a reply: `Message.Error` stays silent for an error finish.
 */
export function MessageFinishNotice(
  props: Omit<FinishNotice.FinishNoticeRootProps, 'reason' | 'error' | 'onContinue' | 'onRephrase'>,
) {
  const { message, onContinue, onRephrase, onRetry } = useMessageContext('FinishNotice');
  const ended =
    message.status === 'incomplete' || (message.status === 'error' && message.finishReason === 'error');
  if (!ended) return null;
  return (
    <FinishNotice.Root
      reason={message.finishReason}
      error={message.error}
      onContinue={onContinue ? () => onContinue(message.id) : undefined}
      onRephrase={onRephrase ? () => onRephrase(message.id) : undefined}
      onRetry={onRetry}
      {...props}
    />
  );
}

/** The pages a web search reply cites, numbered like its inline markers. */
export function MessageSources(props: Omit<Sources.SourcesRootProps, 'annotations'>) {
  const { message } = useMessageContext('Sources');
  return <Sources.Root annotations={message.annotations} {...props} />;
}

/* -------------------------------------------------------------------------------------------------
 * Details extras
 * -----------------------------------------------------------------------------------------------*/

// The token view (radix Toolbar and Popover, with floating-ui placing the popover: more code than the rest
// of a row) is a chunk of its own, loaded when Details opens on a reply with logprobs. Pointing at or
// focusing Details starts the download, so it is usually there by the time the person presses it.
const logprobsView = lazyComponent<LogprobsViewRootProps>(() =>
  import('../logprobs-view/logprobs-view.tsx').then((module) => module.LogprobsViewRoot),
);

/** Starts loading the token view of a reply's Details, for a reply that has logprobs. */
export function preloadDetailsOf(message: ChatMessage): void {
  if (message.logprobs?.content?.length) void logprobsView.preload().catch(() => undefined);
}

/* -------------------------------------------------------------------------------------------------
 * Details extras (content)
 * -----------------------------------------------------------------------------------------------*/

/** Inside Details: the generation id with a copy action, the reply's usage, its token probabilities. */
export function MessageDetailsExtras() {
  const { message, pricing, pricedBy } = useMessageContext('Details');
  const logprobs = message.logprobs?.content;
  return (
    <>
      {message.generationId ? (
        <div data-slot="message-generation">
          <span data-slot="message-generation-label">Generation</span>{' '}
          <code data-slot="message-generation-id">{message.generationId}</code>{' '}
          <CopyButton value={message.generationId} label="Copy generation id" />
        </div>
      ) : null}
      <UsageMeter.Root
        usage={message.usage}
        pricing={pricing}
        pricedBy={pricedBy}
        label="Usage of this reply"
      />
      {logprobs?.length ? (
        <LazyRender
          from={logprobsView}
          props={{ logprobs, streaming: message.status === 'streaming' }}
          fallback={<div data-slot="logprobs-view" data-loading="" aria-busy="true" />}
        />
      ) : null}
    </>
  );
}
