/// <reference types="vite/client" />
import '../styles.css';
import { createChatStore } from '@parley/client/chat';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import * as errors from '../__fixtures__/errors.ts';
import { pngFile, wavFile } from '../__fixtures__/files.ts';
import * as Composer from '../composer/index.ts';
import * as ErrorNotice from '../error-notice/index.ts';
import * as Chat from './chat-parts.ts';

const attachments: Composer.ComposerAttachment[] = [
  { id: 'a', file: pngFile('chart.png'), kind: 'image', origin: 'picker' },
  { id: 'b', file: wavFile('question.wav'), kind: 'audio', origin: 'drop' },
];

describe.each(['light', 'dark'])('the composer, error notice and chat frame in the %s theme', (theme) => {
  it('pass axe, contrast included, in every state', async () => {
    const { container } = render(
      <div data-parley-theme={theme}>
        <Chat.Root store={createChatStore({ model: 'parley/echo' })} style={{ height: 'auto' }}>
          <p>Conversation</p>
          <div>
            {Object.values(errors).map((error) => (
              <ErrorNotice.Root key={error.message} error={error} onRetry={() => {}} />
            ))}
            <ErrorNotice.Root pendingRetry={{ attempt: 1, delayMs: 3000, retryAt: 3000 }} now={0} />
            <Composer.Root defaultValue="A draft" defaultAttachments={attachments} />
            <Composer.Root busy onStop={() => {}} />
            <Composer.Root disabled />
          </div>
        </Chat.Root>
      </div>,
    );
    await expectNoAxeViolations(container);
  });

  it('shows a focus ring on every control reached by keyboard', async () => {
    const user = userEvent.setup();
    render(
      <div data-parley-theme={theme}>
        <ErrorNotice.Root error={errors.serverError} onRetry={() => {}} />
        <Composer.Root defaultValue="A draft" defaultAttachments={attachments.slice(0, 1)} />
      </div>,
    );
    const controls = [
      screen.getByRole('button', { name: 'Retry' }),
      screen.getByRole('button', { name: 'Dismiss' }),
      screen.getByRole('button', { name: 'Remove chart.png' }),
      screen.getByRole('textbox', { name: 'Message' }),
      screen.getByRole('button', { name: 'Attach' }),
      screen.getByRole('button', { name: 'Record' }),
      screen.getByRole('button', { name: 'Send' }),
    ];
    for (const control of controls) {
      await user.tab();
      expect(control).toHaveFocus();
      // The draft's ring is drawn around the whole composer: one ring, not one inside another.
      const ringed =
        control.getAttribute('data-slot') === 'composer-input' ? control.closest('form')! : control;
      const style = getComputedStyle(ringed);
      expect(style.outlineStyle).toBe('solid');
      expect(Number.parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2);
    }
  });

  it('draws native players and scrollbars in the same scheme', () => {
    render(
      <div data-parley-theme={theme}>
        {/* biome-ignore lint/a11y/useMediaCaption: a player with no media, only its scheme matters */}
        <audio controls aria-label="Player" />
      </div>,
    );
    expect(getComputedStyle(screen.getByLabelText('Player')).colorScheme).toBe(theme);
  });
});
