import { lazyComponent } from '../lazy-component.tsx';
import type { MessageListViewportProps } from '../message-list/message-list-viewport.tsx';

/** Stands in for the virtualised list: a log with the rows' ids, on the id it is given. */
function Rows({ id, ids }: MessageListViewportProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the conversation log is scrollable by keyboard, like the real one.
    <div role="log" aria-label="Conversation" tabIndex={0} id={id} data-loaded="">
      {ids.join(', ')}
    </div>
  );
}

/** A list whose chunk arrives when the test says, as on a slow network; `requested` once asked for. */
export function slowList() {
  let arrive: (() => void) | undefined;
  const list = lazyComponent<MessageListViewportProps>(
    () =>
      new Promise((resolve) => {
        arrive = () => resolve(Rows);
      }),
  );
  return { list, requested: () => arrive !== undefined, arrive: () => arrive?.() };
}
