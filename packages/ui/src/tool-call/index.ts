export type { ParsedArguments } from './parse-arguments.ts';
export type { ToolCallRendererProps, ToolCallRenderers, ToolCallRootProps } from './tool-call.tsx';
export {
  ToolCallApproval as Approval,
  ToolCallApprove as Approve,
  ToolCallArguments as Arguments,
  ToolCallContent as Content,
  ToolCallDeny as Deny,
  ToolCallError as Error,
  ToolCallName as Name,
  ToolCallResult as Result,
  ToolCallRoot as Root,
  ToolCallState as State,
  ToolCallTrigger as Trigger,
} from './tool-call.tsx';
