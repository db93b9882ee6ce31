import { act, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { slowList } from '../__fixtures__/slow-list.tsx';
import { SwappedViewport } from './lazy-message.tsx';

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
