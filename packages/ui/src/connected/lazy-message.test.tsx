import { act, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { lazyComponent } from '../lazy-component.tsx';
import type { MessageListViewportProps } from '../message-list/message-list-viewport.tsx';
import { SwappedViewport } from './lazy-message.tsx';

/** Stands in for the virtualised list: a log with the rows, on the id it is given. */
function Rows({ id, ids }: MessageListViewportProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the conversation log is scrollable by keyboard, like the real one.
    <div role="log" aria-label="Conversation" tabIndex={0} id={id} data-loaded="">
      {ids.join(', ')}
    </div>
  );
}

/** A list whose chunk arrives when the test says, as on a slow network. */
function slowList() {
  let arrive: (() => void) | undefined;
  const list = lazyComponent<MessageListViewportProps>(
    () =>
      new Promise((resolve) => {
        arrive = () => resolve(Rows);
      }),
  );
  return { list, arrive: () => arrive?.() };
}

describe('the conversation log before the virtualised list arrives', () => {
  it('keeps the focus of a person who tabbed to the empty log when the list replaces it', async () => {
    const { list, arrive } = slowList();
    void list.preload();
    render(<SwappedViewport from={list} ids={['m1']} renderMessage={() => null} />);
    await userEvent.tab();
    const empty = screen.getByRole('log', { name: 'Conversation' });
    expect(empty).toHaveFocus();
    expect(empty).not.toHaveAttribute('data-loaded');

    await act(async () => arrive());
    const loaded = screen.getByRole('log', { name: 'Conversation' });
    expect(loaded).toHaveAttribute('data-loaded');
    expect(loaded).toHaveTextContent('m1');
    expect(loaded).toHaveFocus();
  });

  it('leaves the focus where it was when it was elsewhere', async () => {
    const { list, arrive } = slowList();
    void list.preload();
    render(
      <>
        <SwappedViewport from={list} ids={['m1']} renderMessage={() => null} />
        <textarea aria-label="Message" />
      </>,
    );
    const box = screen.getByRole('textbox', { name: 'Message' });
    box.focus();
    await act(async () => arrive());
    expect(screen.getByRole('log', { name: 'Conversation' })).toHaveAttribute('data-loaded');
    expect(box).toHaveFocus();
  });
});
