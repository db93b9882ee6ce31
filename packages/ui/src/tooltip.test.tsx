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

const AttachAndRecord = () => (
  <>
    <Button label="Attach" />
    <Button label="Record" />
  </>
);

const tooltip = () => document.querySelector<HTMLElement>('[data-slot="tooltip"]');
const tooltips = () => [...document.querySelectorAll<HTMLElement>('[data-slot="tooltip"]')];
const centre = (box: DOMRect | undefined) => ((box?.left ?? 0) + (box?.right ?? 0)) / 2;

describe('IconTooltip', () => {
  it('shows the label on keyboard focus without reading it twice, and Escape or leaving hides it', async () => {
    const user = userEvent.setup();
    render(<AttachAndRecord />);
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
    expect(centre(label)).toBeCloseTo(centre(button), 0);
  });

  it('shows the new words, placed again, when the label changes while shown (Send turns into Stop)', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Button label="Send" style={{ marginLeft: 200 }} />);
    await user.tab();
    expect(tooltip()).toHaveTextContent('Send');
    rerender(<Button label="Stop the reply" style={{ marginLeft: 200 }} />);
    await expect.poll(() => tooltip()?.textContent).toBe('Stop the reply');
    const button = screen.getByRole('button').getBoundingClientRect();
    await expect.poll(() => centre(tooltip()?.getBoundingClientRect())).toBeCloseTo(centre(button), 0);
  });

  it('leaves no label behind when its button goes away while it is shown', async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <div>
        <Button label="Edit" />
        <p>Hello</p>
      </div>,
    );
    await user.tab();
    expect(tooltip()).toHaveTextContent('Edit');
    rerender(
      <div>
        <p>Hello</p>
      </div>,
    );
    await expect.poll(tooltip).toBeNull();
    expect(screen.getByText('Hello')).toBeVisible();
  });

  it('shows one label at a time: focusing a button replaces the label of the one hovered', async () => {
    const user = userEvent.setup();
    render(<AttachAndRecord />);
    await user.hover(screen.getByRole('button', { name: 'Record' }));
    await expect.poll(() => tooltip()?.textContent).toBe('Record');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Attach' })).toHaveFocus();
    expect(tooltips().map((label) => label.textContent)).toEqual(['Attach']);
  });

  it('shows the next label when the button whose label was shown goes away as the pointer moves on', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<AttachAndRecord />);
    await user.tab();
    expect(tooltip()).toHaveTextContent('Attach');
    // Attach goes (its row's actions hide), and the pointer is on Record in the same moment.
    rerender(<Button label="Record" />);
    await user.hover(screen.getByRole('button', { name: 'Record' }));
    await expect.poll(() => tooltip()?.textContent).toBe('Record');
  });

  it('stays while the pointer moves from the button onto its label', async () => {
    const user = userEvent.setup();
    render(<Button label="Copy message" />);
    await user.hover(screen.getByRole('button'));
    const label = await screen.findByText('Copy message');
    await user.hover(label);
    // Longer than the grace the pointer has to reach the label.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tooltip()).toBe(label);
    await user.unhover(label);
    await expect.poll(tooltip).toBeNull();
  });
});
