/// <reference types="vite/client" />
import '../styles.css';
import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import {
  assistantAnswer,
  assistantError,
  assistantReasoning,
  assistantStreaming,
  assistantToolCalls,
  userQuestion,
} from '../__fixtures__/messages.ts';
import { MessageView } from './message-view.tsx';

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
          <MessageView
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
});
