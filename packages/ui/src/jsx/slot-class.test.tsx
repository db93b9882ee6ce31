/// <reference types="vite/client" />
import '../styles.css';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { assistantAnswer, userQuestion } from '../__fixtures__/messages.ts';
import * as Message from '../message/index.ts';
import { IconTooltip } from '../tooltip.tsx';

// The theme selects each part by its class; a class an app gives a part must not take the theme away.
describe('the default theme on parts an app gives classes to', () => {
  it("keeps styling a message whose root and author carry the app's classes, and applies the app's too", () => {
    const style = document.createElement('style');
    style.textContent =
      '.app-row { outline: 3px solid rgb(255, 0, 0); } .app-author { letter-spacing: 3px; }';
    document.head.append(style);
    try {
      render(
        <Message.Root message={assistantAnswer} className="app-row">
          <div data-slot="message-body" className="parley-message-body">
            <div data-slot="message-header" className="parley-message-header">
              <Message.Avatar />
              <Message.Author className="app-author" />
            </div>
            <Message.Content />
          </div>
        </Message.Root>,
      );
      const row = screen.getByRole('article', { name: 'Assistant message' });
      // The theme's column (the header line, then the parts) and the app's outline.
      expect(getComputedStyle(row).display).toBe('flex');
      expect(getComputedStyle(row).flexDirection).toBe('column');
      expect(getComputedStyle(row).outlineColor).toBe('rgb(255, 0, 0)');
      const author = screen.getByText('Assistant');
      expect(getComputedStyle(author).fontWeight).toBe('600');
      expect(getComputedStyle(author).letterSpacing).toBe('3px');
      // The hooks an app styles or queries stay as documented.
      expect(row).toHaveAttribute('data-slot', 'message');
      expect(author).toHaveAttribute('data-slot', 'message-author');
    } finally {
      style.remove();
    }
  });

  it('styles a part an app renders by hand with the data-slot and the class of the part (README)', () => {
    const long = {
      ...userQuestion,
      parts: [{ type: 'text' as const, text: 'A long question. '.repeat(40) }],
    };
    render(
      <div style={{ width: 600 }}>
        <Message.Root message={long}>
          <div data-slot="message-body" className="parley-message-body">
            <Message.Content />
          </div>
        </Message.Root>
      </div>,
    );
    const row = screen.getByRole('article', { name: 'Your message' }).getBoundingClientRect();
    const bubble = screen
      .getByText(/A long question/)
      .closest('[data-slot="message-content"]') as HTMLElement;
    const box = bubble.getBoundingClientRect();
    // Yours: a bubble on the right, at most 85% of the row wide (message.css, on the body written here).
    expect(Math.abs(box.right - row.right)).toBeLessThanOrEqual(1);
    expect(box.width).toBeLessThanOrEqual(row.width * 0.85 + 1);
    expect(box.width).toBeGreaterThan(row.width * 0.5);
  });

  it('styles a tooltip label the page creates outside React', async () => {
    const user = userEvent.setup();
    render(
      <IconTooltip label="Copy message">
        <button type="button" aria-label="Copy message">
          c
        </button>
      </IconTooltip>,
    );
    await user.tab();
    expect(screen.getByRole('button', { name: 'Copy message' })).toHaveFocus();
    const label = document.querySelector('[data-slot="tooltip"]') as HTMLElement;
    expect(label).toHaveTextContent('Copy message');
    // tooltip.css: a label on the inverse surface, never the page's default transparent background.
    expect(getComputedStyle(label).backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
  });
});
