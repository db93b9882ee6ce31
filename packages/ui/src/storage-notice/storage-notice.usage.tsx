import { useThread } from '@parley/react';
import { StorageNotice } from '@parley/ui';

// Inside a ThreadsProvider; `@parley/ui/connected` has this wired to the chat as `Chat.StorageNotice`.
export function NotSaved({ id, exportToFile }: { id: string; exportToFile: () => void }) {
  const { unsaved } = useThread(id);
  return <StorageNotice.Root unsaved={unsaved} onExport={exportToFile} />;
}
