import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as React from 'react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { makeCatalogue } from '../__fixtures__/models.ts';
import { ModelPickerRoot } from './model-picker.tsx';

const MODELS = makeCatalogue(24);

function Picker({ initial = [] }: { initial?: string[] }) {
  const [value, setValue] = React.useState(initial);
  return (
    <>
      <ModelPickerRoot models={MODELS} mode="chain" value={value} onValueChange={setValue} />
      <output aria-label="Will send">{JSON.stringify(value)}</output>
    </>
  );
}

const sent = () => JSON.parse(screen.getByRole('status', { name: 'Will send' }).textContent ?? '[]');

describe('ModelPicker', () => {
  it('adds models to the chain from the keyboard and marks them chosen', async () => {
    render(<Picker />);
    await userEvent.click(screen.getByRole('button', { name: 'Model: Choose a model' }));
    await screen.findAllByRole('option');
    await userEvent.keyboard('{Enter}{ArrowDown}{ArrowDown}{Enter}');
    const list = screen.getByRole('listbox', { name: 'Models' });
    expect(within(list).getAllByRole('option', { selected: true })).toHaveLength(2);
    expect(sent()).toHaveLength(2);
    await expectNoAxeViolations(screen.getByRole('dialog', { name: 'Choose a model' }));
  });

  it('reorders the chain by dragging one model onto another', async () => {
    const [a, b, c] = MODELS.map((model) => model.id);
    const { container } = render(<Picker initial={[a as string, b as string, c as string]} />);
    const items = within(screen.getByRole('list', { name: 'Models in order of use' })).getAllByRole(
      'listitem',
    );
    const data = new DataTransfer();
    fireEvent.dragStart(items[2] as HTMLElement, { dataTransfer: data });
    fireEvent.dragOver(items[0] as HTMLElement, { dataTransfer: data });
    fireEvent.drop(items[0] as HTMLElement, { dataTransfer: data });
    await waitFor(() => expect(sent()).toEqual([c, a, b]));
    await expectNoAxeViolations(container);
  });
});
