import { ThreadsProvider } from '@parley/react';
import { ThreadList } from '@parley/ui/connected';
import * as React from 'react';

// Conversations saved in IndexedDB, listed, searched, renamed, pinned and deleted (with Undo).
export function Sidebar() {
  const [openId, setOpenId] = React.useState<string>();
  return (
    <ThreadsProvider>
      <ThreadList.Root activeId={openId} onSelect={setOpenId} />
    </ThreadsProvider>
  );
}
