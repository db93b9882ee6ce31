import type { ChatStore, ChatToolCall } from '@parley/client/chat';
import { ToolCall } from '@parley/ui';

export function Call({ call, store }: { call: ChatToolCall; store: ChatStore }) {
  return <ToolCall.Root toolCall={call} onApprove={store.approveToolCall} onDeny={store.denyToolCall} />;
}
