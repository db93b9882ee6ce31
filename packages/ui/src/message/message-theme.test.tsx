/// <reference types="vite/client" />
import '../styles.css';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import {
  assistantAnswer,
  assistantError,
  assistantReasoning,
  assistantStreaming,
  assistantToolCalls,
  userQuestion,
  userWithMedia,
} from '../__fixtures__/messages.ts';
import * as Message from './index.ts';

describe.each(['light', 'dark'])('the default theme in %s', (theme) => {
  it('passes axe, contrast included, for messages in every state with highlighted code', async () => {
    const { container } = render(
      <div
        data-parley-theme={theme}
        style={{ background: 'var(--parley-surface)', color: 'var(--parley-on-surface)', padding: 8 }}
      >
        {[
          userQuestion,
          assistantAnswer,
          assistantReasoning,
          assistantToolCalls,
          assistantStreaming,
          assistantError,
        ].map((message) => (
          <Message.Root
            key={message.id}
            message={message}
            branch={{ index: 1, count: 2 }}
            onRegenerate={() => {}}
            onEdit={() => {}}
            onDelete={() => {}}
            onRetry={() => {}}
          />
        ))}
      </div>,
    );
    await waitFor(
      () =>
        expect(container.querySelector('[data-slot="code-block"][data-state="highlighted"]')).not.toBeNull(),
      {
        timeout: 15_000,
      },
    );
    await expectNoAxeViolations(container);
  });

  it('reaches every action by Tab, each with a visible focus ring', async () => {
    const user = userEvent.setup();
    const remoteImage: typeof assistantAnswer = {
      ...assistantAnswer,
      id: 'assistant-image',
      parts: [{ type: 'image', url: 'https://cdn.example.com/chart.png', alt: 'Chart' }],
    };
    const { container } = render(
      <div data-parley-theme={theme}>
        {[
          userWithMedia,
          assistantAnswer,
          assistantReasoning,
          assistantToolCalls,
          assistantError,
          remoteImage,
        ].map((message) => (
          <Message.Root
            key={message.id}
            message={message}
            branch={{ index: 1, count: 3 }}
            onRegenerate={() => {}}
            onEdit={() => {}}
            onDelete={() => {}}
            onRetry={() => {}}
            onSwitchBranch={() => {}}
            onApproveToolCall={() => {}}
            onDenyToolCall={() => {}}
          />
        ))}
      </div>,
    );
    // Everything a pointer can press; none of it may be reachable only by hovering.
    const controls = [...container.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')].filter(
      (element) => !(element as HTMLButtonElement).disabled,
    );
    const names = new Set(
      controls.map((control) => control.getAttribute('aria-label') ?? control.textContent),
    );
    for (const name of [
      'Copy message',
      'Regenerate',
      'Edit',
      'Delete',
      'Next version',
      'Details',
      'Approve',
      'Deny',
      'Retry',
    ]) {
      expect(names).toContain(name);
    }
    for (const control of controls) {
      await user.tab();
      expect(control).toHaveFocus();
      const style = getComputedStyle(control);
      expect(style.visibility).toBe('visible');
      expect(Number.parseFloat(style.opacity)).toBeGreaterThan(0.5);
      expect(style.outlineStyle).toBe('solid');
      expect(Number.parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('the copy action', () => {
  it('shows a check in place of the copy icon once the message is copied', async () => {
    const user = userEvent.setup();
    render(<Message.Root message={assistantAnswer} onRegenerate={() => {}} />);
    const button = await screen.findByRole('button', { name: 'Copy message' });
    // The actions row itself shows on hover; what matters here is which of the two icons it would show.
    const shown = (name: string) => {
      const icon = button.querySelector(`[data-icon="${name}"]`);
      return icon !== null && getComputedStyle(icon).display !== 'none';
    };
    expect([shown('copy'), shown('copied')]).toEqual([true, false]);
    // One icon at a time: a conversation's rows do not each carry a hidden check.
    expect(button.querySelectorAll('svg')).toHaveLength(1);
    await user.click(button);
    expect(await screen.findByRole('button', { name: 'Copied' })).toBe(button);
    expect([shown('copy'), shown('copied')]).toEqual([false, true]);
    expect(button.querySelectorAll('svg')).toHaveLength(1);
  });
});
