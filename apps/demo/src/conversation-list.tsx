import { ThreadList } from '@parley/ui/connected';

/**
 * The conversations with search, rename, pin, delete and undo (ThreadList.Root), loaded once there
 * is a conversation to list. Its row menus (radix's menu and positioning code) load when one is
 * first opened; reaching for a conversation (`onOpenIntent`) fetches what opening it shows.
 */
export default function ConversationList({
  activeId,
  onSelect,
  onOpenIntent,
}: {
  activeId: string;
  onSelect(id: string): void;
  onOpenIntent(id: string): void;
}) {
  return <ThreadList.Root activeId={activeId} onSelect={onSelect} onOpenIntent={onOpenIntent} />;
}
