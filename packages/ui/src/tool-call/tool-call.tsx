/** @jsxImportSource ../jsx */
'use client';
import type { ChatToolCall, ChatToolCallState } from '@parley/client/chat';
import { Collapsible, Slot } from 'radix-ui';
import { composeEventHandlers, useControllableState } from 'radix-ui/internal';
import * as React from 'react';
import { ChevronRightIcon, ToolIcon } from '../icons.tsx';
import { formatToolResult, type ParsedArguments, parsePartialToolArguments } from './parse-arguments.ts';

/** What a custom renderer for one tool receives (see `Message.ToolCalls`' `renderers`). */
export interface ToolCallRendererProps {
  toolCall: ChatToolCall;
  /** The arguments as far as they have streamed. */
  args: ParsedArguments;
  onApprove?: ((toolCallId: string) => void) | undefined;
  onDeny?: ((toolCallId: string) => void) | undefined;
}

/** Custom renderers by tool (function) name. */
export type ToolCallRenderers = Record<string, React.ComponentType<ToolCallRendererProps>>;

/** What a person reads for each state of a tool call. */
const TOOL_CALL_STATE_LABELS: Record<ChatToolCallState, string> = {
  'streaming-arguments': 'Preparing',
  'awaiting-approval': 'Needs approval',
  'awaiting-result': 'Waiting for result',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  denied: 'Denied',
};

interface ToolCallContextValue {
  toolCall: ChatToolCall;
  onApprove?: ((toolCallId: string) => void) | undefined;
  onDeny?: ((toolCallId: string) => void) | undefined;
  /** How long the call ran, once it settled. */
  durationMs: number | undefined;
}

// States whose details a person needs in view: arguments arriving, or waiting for their approval.
const OPEN_STATES: ReadonlySet<ChatToolCallState> = new Set([
  'streaming-arguments',
  'awaiting-approval',
  'failed',
]);
/**
 * How long the call ran, from the times the chat core stamps on it (`startedAt`, `endedAt`), which
 * are saved with the message: a restored conversation shows its durations too. Nothing until the
 * call settled, and nothing for a call that never ran (denied, or refused before running).
 */
function durationOf(toolCall: ChatToolCall): number | undefined {
  const { startedAt, endedAt } = toolCall;
  if (typeof startedAt !== 'number' || typeof endedAt !== 'number') return undefined;
  return Math.max(0, endedAt - startedAt);
}

const ToolCallContext = React.createContext<ToolCallContextValue | null>(null);

function useToolCall(part: string): ToolCallContextValue {
  const context = React.useContext(ToolCallContext);
  if (!context) throw new Error(`<ToolCall.${part}> must be inside <ToolCall.Root>.`);
  return context;
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface ToolCallRootProps
  extends Omit<React.ComponentProps<typeof Collapsible.Root>, 'open' | 'defaultOpen' | 'onOpenChange'> {
  toolCall: ChatToolCall;
  /** Whether the details (arguments, result) show. Without it, they show while the arguments stream, while the call awaits approval and when it failed, until the person toggles them. */
  open?: boolean | undefined;
  defaultOpen?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** Called when the person approves a call awaiting approval. */
  onApprove?: ((toolCallId: string) => void) | undefined;
  /** Called when the person denies a call awaiting approval. */
  onDeny?: ((toolCallId: string) => void) | undefined;
}

/**
 * One tool call of an assistant message: a group labelled with the function name, stamped with
 * `data-status` (the call's state) and `data-state` (details open or closed). Without children it
 * renders the default layout: a one-line summary (name, state, duration) that discloses the
 * arguments and result, with Approve and Deny while the call awaits approval.
 *
 * @example
 * <ToolCall.Root toolCall={call} onApprove={approve} onDeny={deny} />
 * <ToolCall.Root toolCall={call}>
 *   <ToolCall.Name /> <ToolCall.State /> <ToolCall.Arguments /> <ToolCall.Approval /> <ToolCall.Result />
 * </ToolCall.Root>
 */
export function ToolCallRoot({
  toolCall,
  onApprove,
  onDeny,
  open: openProp,
  defaultOpen,
  onOpenChange,
  children,
  ...props
}: ToolCallRootProps) {
  // `undefined` means "the person has not chosen": the details then follow the call's state.
  const [chosen, setChosen] = useControllableState<boolean | undefined>({
    prop: openProp,
    defaultProp: defaultOpen,
    onChange: (value) => value !== undefined && onOpenChange?.(value),
    caller: 'ToolCall',
  });
  const durationMs = durationOf(toolCall);
  const context = React.useMemo(
    () => ({ toolCall, onApprove, onDeny, durationMs }),
    [toolCall, onApprove, onDeny, durationMs],
  );
  return (
    <ToolCallContext.Provider value={context}>
      <Collapsible.Root
        role="group"
        aria-label={`Tool call: ${toolCall.name}`}
        data-slot="tool-call"
        data-status={toolCall.state}
        // Focus lands here when Approve or Deny disappears under the keyboard (see ApprovalButton).
        tabIndex={-1}
        open={chosen ?? OPEN_STATES.has(toolCall.state)}
        onOpenChange={setChosen}
        {...props}
      >
        {children === undefined ? <ToolCallDefaultLayout /> : children}
      </Collapsible.Root>
    </ToolCallContext.Provider>
  );
}

function ToolCallDefaultLayout() {
  return (
    <>
      <ToolCallTrigger />
      <ToolCallApproval />
      <ToolCallContent />
    </>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Trigger, Content
 * -----------------------------------------------------------------------------------------------*/

/** The one-line summary, a disclosure button: tool icon, name, state, duration and a chevron. */
export function ToolCallTrigger({ children, ...props }: React.ComponentProps<typeof Collapsible.Trigger>) {
  const { durationMs } = useToolCall('Trigger');
  return (
    <Collapsible.Trigger data-slot="tool-call-trigger" {...props}>
      {children ?? (
        <>
          {/* Spaces between the words, so the button's name reads "get_weather Done 0.4 s". */}
          <ToolIcon data-slot="tool-call-icon" />
          <ToolCallName /> <ToolCallState />
          {durationMs === undefined ? null : (
            <>
              {' '}
              <span data-slot="tool-call-duration">{formatDuration(durationMs)}</span>
            </>
          )}
          <ChevronRightIcon data-slot="tool-call-chevron" />
        </>
      )}
    </Collapsible.Trigger>
  );
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The details the summary discloses; without children, the arguments, result and error. */
export function ToolCallContent({ children, ...props }: React.ComponentProps<typeof Collapsible.Content>) {
  return (
    <Collapsible.Content data-slot="tool-call-content" {...props}>
      {children ?? (
        <>
          <ToolCallArguments />
          <ToolCallResult />
          <ToolCallError />
        </>
      )}
    </Collapsible.Content>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Name, State
 * -----------------------------------------------------------------------------------------------*/

/** The function name. */
export function ToolCallName({ children, ...props }: React.ComponentProps<'span'>) {
  const { toolCall } = useToolCall('Name');
  return (
    <span data-slot="tool-call-name" {...props}>
      {children ?? toolCall.name}
    </span>
  );
}

/** A badge saying where the call is: preparing, needs approval, running, done, failed, denied. */
export function ToolCallState({ children, ...props }: React.ComponentProps<'span'>) {
  const { toolCall } = useToolCall('State');
  return (
    <span data-slot="tool-call-state" data-state={toolCall.state} {...props}>
      {children ?? TOOL_CALL_STATE_LABELS[toolCall.state]}
    </span>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Arguments
 * -----------------------------------------------------------------------------------------------*/

function formatArguments(parsed: ParsedArguments): string {
  return parsed.kind === 'json' ? JSON.stringify(parsed.value, null, 2) : parsed.text;
}

/** The arguments under an "Arguments" caption, pretty-printed and updated live as they stream (partial JSON is read leniently). */
export function ToolCallArguments({ children, ...props }: React.ComponentProps<'figure'>) {
  const { toolCall } = useToolCall('Arguments');
  const text = React.useMemo(
    () => formatArguments(parsePartialToolArguments(toolCall.argumentsText)),
    [toolCall.argumentsText],
  );
  const streaming = toolCall.state === 'streaming-arguments';
  const captionId = React.useId();
  return (
    <figure
      data-slot="tool-call-arguments"
      aria-labelledby={captionId}
      aria-busy={streaming || undefined}
      data-streaming={streaming ? '' : undefined}
      {...props}
    >
      <figcaption id={captionId} data-slot="tool-call-caption">
        {children ?? 'Arguments'}
      </figcaption>
      <pre data-slot="tool-call-code">{text}</pre>
    </figure>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Approval
 * -----------------------------------------------------------------------------------------------*/

/** Approve and Deny, rendered only while the call awaits approval. */
export function ToolCallApproval({ children, ...props }: React.ComponentProps<'div'>) {
  const { toolCall } = useToolCall('Approval');
  if (toolCall.state !== 'awaiting-approval') return null;
  return (
    <div data-slot="tool-call-approval" {...props}>
      {children ?? (
        <>
          <ToolCallApprove />
          <ToolCallDeny />
        </>
      )}
    </div>
  );
}

type ButtonProps = React.ComponentProps<'button'> & { asChild?: boolean };

function ApprovalButton({
  action,
  asChild,
  onClick,
  children,
  ...props
}: ButtonProps & { action: 'approve' | 'deny' }) {
  const context = useToolCall(action === 'approve' ? 'Approve' : 'Deny');
  const Component = asChild ? Slot.Root : 'button';
  const handler = action === 'approve' ? context.onApprove : context.onDeny;
  return (
    <Component
      type={asChild ? undefined : 'button'}
      data-slot={`tool-call-${action}`}
      {...props}
      onClick={composeEventHandlers(onClick, (event: React.MouseEvent<HTMLButtonElement>) => {
        if (!handler) return;
        // The choice removes both buttons; without this, focus would fall back to the page's top.
        event.currentTarget.closest<HTMLElement>('[data-slot="tool-call"]')?.focus();
        handler(context.toolCall.id);
      })}
    >
      {children ?? (action === 'approve' ? 'Approve' : 'Deny')}
    </Component>
  );
}

/** Lets the call run. */
export function ToolCallApprove(props: ButtonProps) {
  return <ApprovalButton action="approve" {...props} />;
}

/** Refuses the call; the model is told it was denied. */
export function ToolCallDeny(props: ButtonProps) {
  return <ApprovalButton action="deny" {...props} />;
}

/* -------------------------------------------------------------------------------------------------
 * Result, Error
 * -----------------------------------------------------------------------------------------------*/

/** The result given back to the model under a "Result" caption, pretty-printed when it is JSON; nothing until there is one. */
export function ToolCallResult({ children, ...props }: React.ComponentProps<'figure'>) {
  const { toolCall } = useToolCall('Result');
  const captionId = React.useId();
  if (toolCall.result === undefined) return null;
  return (
    <figure data-slot="tool-call-result" aria-labelledby={captionId} {...props}>
      <figcaption id={captionId} data-slot="tool-call-caption">
        {children ?? 'Result'}
      </figcaption>
      <pre data-slot="tool-call-code">{formatToolResult(toolCall.result)}</pre>
    </figure>
  );
}

/** Why the call failed or was denied; nothing otherwise. */
export function ToolCallError(props: React.ComponentProps<'p'>) {
  const { toolCall } = useToolCall('Error');
  if (toolCall.error === undefined) return null;
  return (
    <p data-slot="tool-call-error" {...props}>
      {toolCall.error}
    </p>
  );
}
