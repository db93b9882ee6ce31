import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IconTooltip } from './tooltip.tsx';

function Button({ label, style }: { label: string; style?: React.CSSProperties }) {
  return (
    <IconTooltip label={label}>
      <button type="button" aria-label={label} style={{ width: 32, height: 32, ...style }}>
        ·
      </button>
    </IconTooltip>
  );
}

const tooltip = () => document.querySelector<HTMLElement>('[data-slot="tooltip"]');

describe('IconTooltip', () => {
  it('shows the label on keyboard focus without reading it twice, and Escape or leaving hides it', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Button label="Attach" />
        <Button label="Record" />
      </>,
    );
    await user.tab();
    const attach = screen.getByRole('button', { name: 'Attach' });
    expect(attach).toHaveFocus();
    expect(tooltip()).toHaveTextContent('Attach');
    expect(tooltip()).toBeVisible();
    // The button's own name says it; the label is not a second name or a description.
    expect(tooltip()).toHaveAttribute('aria-hidden', 'true');
    expect(attach).not.toHaveAccessibleDescription();
    expect(screen.queryByRole('tooltip')).toBeNull();

    await user.keyboard('{Escape}');
    expect(tooltip()).toBeNull();
    await user.tab();
    expect(tooltip()).toHaveTextContent('Record');
    await user.tab({ shift: true });
    expect(tooltip()).toHaveTextContent('Attach');
  });

  it('appears on hover after a pause, and not for a click', async () => {
    const user = userEvent.setup();
    render(<Button label="Copy message" />);
    const button = screen.getByRole('button', { name: 'Copy message' });
    await user.click(button);
    expect(tooltip()).toBeNull();
    await user.unhover(button);
    await user.hover(button);
    expect(await screen.findByText('Copy message')).toBeVisible();
    await user.unhover(button);
    await expect.poll(tooltip).toBeNull();
  });

  it('stays on the screen: above a button at the bottom, inside at the right edge', async () => {
    const user = userEvent.setup();
    render(<Button label="Send the message now" style={{ position: 'fixed', right: 0, bottom: 0 }} />);
    await user.tab();
    const button = screen.getByRole('button').getBoundingClientRect();
    const label = tooltip()?.getBoundingClientRect();
    expect(tooltip()).toHaveAttribute('data-side', 'top');
    expect(label?.bottom).toBeLessThanOrEqual(button.top);
    expect(label?.right).toBeLessThanOrEqual(window.innerWidth);
    expect(label?.left).toBeGreaterThanOrEqual(0);
  });

  it('is placed where the button is inside a moved (transformed) container', async () => {
    const user = userEvent.setup();
    render(
      <div style={{ transform: 'translateY(120px)', marginLeft: 200 }}>
        <Button label="Edit" />
      </div>,
    );
    await user.tab();
    const button = screen.getByRole('button').getBoundingClientRect();
    const label = tooltip()?.getBoundingClientRect();
    expect(tooltip()).toHaveAttribute('data-side', 'bottom');
    expect(label?.top).toBeCloseTo(button.bottom + 6, 0);
    expect(((label?.left ?? 0) + (label?.right ?? 0)) / 2).toBeCloseTo((button.left + button.right) / 2, 0);
  });
});
