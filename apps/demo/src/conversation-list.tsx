import { ThreadList } from '@parley/ui/connected';

/**
 * The conversations with search, rename, pin, delete and undo (ThreadList.Root), loaded once there
 * is a conversation to list. Its row menus (radix's menu and positioning code) load when one is
 * first opened.
 */
export default function ConversationList({
  activeId,
  onSelect,
}: {
  activeId: string;
  onSelect(id: string): void;
}) {
  return <ThreadList.Root activeId={activeId} onSelect={onSelect} />;
}
