export type { ParsedArguments } from './parse-arguments.ts';
export type { ToolCallRendererProps, ToolCallRenderers, ToolCallRootProps } from './tool-call.tsx';
export {
  ToolCallApproval as Approval,
  ToolCallApprove as Approve,
  ToolCallArguments as Arguments,
  ToolCallDeny as Deny,
  ToolCallError as Error,
  ToolCallName as Name,
  ToolCallResult as Result,
  ToolCallRoot as Root,
  ToolCallState as State,
} from './tool-call.tsx';
