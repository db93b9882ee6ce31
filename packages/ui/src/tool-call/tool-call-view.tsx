'use client';
import type { ChatToolCall } from '@parley/client/chat';
import type * as React from 'react';
import { type ParsedArguments, parsePartialToolArguments } from './parse-arguments.ts';
import * as ToolCall from './tool-call.tsx';

/** What a custom renderer for one tool receives. */
export interface ToolCallRendererProps {
  toolCall: ChatToolCall;
  /** The arguments as far as they have streamed. */
  args: ParsedArguments;
  onApprove?: (toolCallId: string) => void;
  onDeny?: (toolCallId: string) => void;
}

/** Custom renderers by tool (function) name. */
export type ToolCallRenderers = Record<string, React.ComponentType<ToolCallRendererProps>>;

export interface ToolCallViewProps extends Omit<ToolCall.ToolCallRootProps, 'children'> {
  /** Renderers by tool name; a tool without one gets the default view. */
  renderers?: ToolCallRenderers;
}

/**
 * A tool call with the default layout (name, state, arguments, approval, result, error), or with
 * the renderer registered for its name.
 *
 * @example
 * <ToolCallView toolCall={call} renderers={{ get_weather: WeatherCard }} onApprove={approve} />
 */
export function ToolCallView({ toolCall, renderers, onApprove, onDeny, ...props }: ToolCallViewProps) {
  const Renderer =
    renderers && Object.hasOwn(renderers, toolCall.name) ? renderers[toolCall.name] : undefined;
  return (
    <ToolCall.Root toolCall={toolCall} onApprove={onApprove} onDeny={onDeny} {...props}>
      {Renderer ? (
        <Renderer
          toolCall={toolCall}
          args={parsePartialToolArguments(toolCall.argumentsText)}
          onApprove={onApprove}
          onDeny={onDeny}
        />
      ) : (
        <>
          <div data-slot="tool-call-header">
            <ToolCall.Name />
            <ToolCall.State />
          </div>
          <ToolCall.Arguments />
          <ToolCall.Approval />
          <ToolCall.Result />
          <ToolCall.Error />
        </>
      )}
    </ToolCall.Root>
  );
}
