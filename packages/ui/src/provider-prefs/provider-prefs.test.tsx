/**
 * ProviderPrefs on a phone, in Chromium with the default theme: the form keeps to the width it is
 * given (a 375 px screen less the margins), whatever the names in its lists, and its inputs take the
 * room there is instead of a width of their own.
 */
import type { ProviderPreferences } from '@parley/client';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { describe, expect, it } from 'vitest';
import '../styles.css';
import { echoEndpoints } from '../__fixtures__/models.ts';
import { ProviderPrefsRoot } from './provider-prefs.tsx';

const LONG = 'SomeProviderWithAVeryLongUnbrokenName';

function Prefs({ width }: { width: number }) {
  const [value, setValue] = React.useState<ProviderPreferences>({
    order: ['Lyrebird', LONG, 'A provider with a rather long name'],
    only: [LONG],
    ignore: ['Mynah'],
  });
  return (
    <div style={{ width }}>
      <ProviderPrefsRoot value={value} onValueChange={setValue} endpoints={echoEndpoints} />
    </div>
  );
}

/** What reaches past the form's right edge, skipping what scrolls inside its own box (the endpoint table). */
function overflowing(form: HTMLElement): string[] {
  const right = form.getBoundingClientRect().right;
  const found = form.scrollWidth > form.clientWidth ? [`form: ${form.scrollWidth - form.clientWidth}`] : [];
  for (const element of form.querySelectorAll<HTMLElement>('*')) {
    if (element.closest('[data-slot="endpoint-explorer"] *')) continue;
    const past = Math.round(element.getBoundingClientRect().right - right);
    if (past > 0) found.push(`${element.tagName.toLowerCase()}[${element.dataset.slot ?? ''}]: ${past}`);
  }
  return found;
}

describe('ProviderPrefs on a narrow screen', () => {
  it.each([343, 288])('fits %i px, long provider names included', async (width) => {
    const user = userEvent.setup();
    render(<Prefs width={width} />);
    const form = screen.getByRole('form', { name: 'Provider routing' });
    const input = screen.getByRole('combobox', { name: 'Provider to add to Never these' });
    await user.type(input, `Another${LONG}{Enter}`);
    expect(screen.getByRole('button', { name: `Remove Another${LONG} from Never these` })).toBeVisible();
    expect(overflowing(form)).toEqual([]);
    // The input fills the row beside its Add button rather than keeping a width of its own.
    const row = input.parentElement as HTMLElement;
    const add = screen.getByRole('button', { name: 'Add to Never these' });
    expect(input.getBoundingClientRect().width + add.getBoundingClientRect().width).toBeGreaterThan(
      row.getBoundingClientRect().width * 0.9,
    );
  });

  it('puts lists side by side when there is room', () => {
    render(<Prefs width={900} />);
    const only = screen.getByRole('group', { name: 'Only these' });
    const never = screen.getByRole('group', { name: 'Never these' });
    expect(only.getBoundingClientRect().top).toBe(never.getBoundingClientRect().top);
  });
});
