import { useThreads } from '@parley/react';
import { ThreadList } from '@parley/ui';
import * as React from 'react';

// Inside a ThreadsProvider; `@parley/ui/connected` has this wired as `ThreadList.Root`.
export function Sidebar({ openId, open }: { openId: string | undefined; open: (id: string) => void }) {
  const [query, setQuery] = React.useState('');
  const { visible, unsaved, rename, pin, remove } = useThreads({ query });
  return (
    <ThreadList.Root
      threads={visible}
      unsaved={unsaved}
      activeId={openId}
      onSelect={open}
      onRename={rename}
      onPin={pin}
      onDelete={remove}
      query={query}
      onQueryChange={setQuery}
    />
  );
}
