/**
 * The usage line on a phone, in Chromium with the default theme: in a narrow container the facts
 * take one line (counts without their unit, no zero reasoning or cached count) and nothing reaches
 * past the edge; the unit is still read out, and a wide container keeps the long form.
 */
import type { Usage } from '@parley/client';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../styles.css';
import * as UsageMeter from './index.ts';

const usage: Usage = {
  prompt_tokens: 12_345,
  completion_tokens: 1_234,
  total_tokens: 13_579,
  cost: 0.000_013,
  prompt_tokens_details: { cached_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 0 },
};

/** A usage line as wide as `width`, in a container as the chat's usage line and message rows are. */
function renderAt(width: number) {
  render(
    <div style={{ width, containerType: 'inline-size' }}>
      <UsageMeter.Root usage={usage} label="Conversation usage" />
    </div>,
  );
  const meter = screen.getByRole('region', { name: 'Conversation usage' });
  const shown = [...meter.querySelectorAll<HTMLElement>('[data-slot="usage-meter-row"], p')].filter(
    (element) => element.getBoundingClientRect().width > 0,
  );
  return { meter, shown };
}

describe('UsageMeter in a narrow container', () => {
  it('puts prompt, completion and cost on one line of a phone, nothing past its edge', () => {
    const { meter, shown } = renderAt(327);
    expect(shown.map((element) => element.textContent)).toEqual([
      'Prompt12,345 tokens',
      'Completion1,234 tokens',
      'Cost $0.000013',
    ]);
    const lineHeight = Number.parseFloat(getComputedStyle(meter).lineHeight);
    expect(meter.getBoundingClientRect().height).toBeLessThan(lineHeight * 1.5);
    expect(meter.scrollWidth).toBeLessThanOrEqual(meter.clientWidth);
    const right = meter.getBoundingClientRect().right;
    for (const element of shown) expect(element.getBoundingClientRect().right).toBeLessThanOrEqual(right);
    // The count keeps its unit for a screen reader; zero counts are only hidden from view.
    expect(within(meter).getByText('Prompt').nextElementSibling).toHaveTextContent('12,345 tokens');
    expect(within(meter).getByText('Reasoning')).not.toBeVisible();
  });

  it('keeps the long form where there is room', () => {
    const { shown } = renderAt(720);
    expect(shown).toHaveLength(5);
    const unit = shown[0]?.querySelector<HTMLElement>('[data-slot="usage-meter-unit"]');
    expect(unit?.getBoundingClientRect().width).toBeGreaterThan(1);
  });
});
