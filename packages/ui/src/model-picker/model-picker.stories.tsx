import type { Meta, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import { capableModel, makeCatalogue, plainTextModel } from '../__fixtures__/models.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import { ModelPickerRoot, type ModelPickerRootProps } from './model-picker.tsx';
import usage from './model-picker.usage.tsx?raw';

const CATALOGUE = makeCatalogue(500);

/** The picker with its choice shown below it, as the app would send it. */
function Picker(props: ModelPickerRootProps) {
  const [value, setValue] = React.useState<string[]>(props.defaultValue ?? []);
  return (
    <div style={{ maxWidth: 420 }}>
      <ModelPickerRoot
        {...props}
        value={value}
        onValueChange={(next) => {
          setValue(next);
          props.onValueChange?.(next);
        }}
      />
      <output aria-label="Will send">{JSON.stringify(value)}</output>
    </div>
  );
}

const meta = {
  title: 'Models/ModelPicker',
  component: Picker,
  parameters: {
    docs: {
      description: usageDescription(
        'A searchable, filterable model list in a popover; in chain mode, a model and its ordered fallbacks.',
        usage,
      ),
    },
  },
  args: { models: [capableModel, plainTextModel], onValueChange: fn() },
} satisfies Meta<typeof Picker>;

export default meta;
type Story = StoryObj<typeof meta>;

// The popover is portalled to the body, outside the story's canvas.
const page = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);
const sent = (canvasElement: HTMLElement) =>
  JSON.parse(within(canvasElement).getByRole('status', { name: 'Will send' }).textContent ?? '[]');

/** The catalogue is on its way: the list says so and offers nothing to pick yet. */
export const Loading: Story = {
  args: { status: 'loading', models: [] },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Model: Choose a model' }));
    await expect(await page(canvasElement).findByText('Loading models…')).toBeVisible();
    await expect(page(canvasElement).queryAllByRole('option')).toHaveLength(0);
  },
};

/** An API that serves no models. */
export const Empty: Story = {
  args: { models: [] },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Model: Choose a model' }));
    await expect(await page(canvasElement).findByText('No models are available.')).toBeVisible();
  },
};

/** The catalogue failed to load: the reason and a way to try again. */
export const ErrorState: Story = {
  name: 'Error',
  args: { status: 'error', models: [], error: 'HTTP 503', onRetry: fn() },
  play: async ({ args, canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Model: Choose a model' }));
    const alert = await page(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load the models: HTTP 503');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

/** 500 models, grouped by author and virtualised: typing narrows the list, Enter picks the active model. */
export const FiveHundredModels: Story = {
  args: { models: CATALOGUE },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Model: Choose a model' }));
    const body = page(canvasElement);
    const search = await body.findByRole('combobox', { name: 'Search models' });
    await expect(search).toHaveFocus();
    await expect(body.getByText('500 models')).toBeInTheDocument();
    // Only the rows in view are in the DOM.
    await expect((await body.findAllByRole('option')).length).toBeLessThan(40);
    await userEvent.type(search, 'comet ultra');
    await waitFor(() => {
      const options = body.getAllByRole('option');
      expect(options.length).toBeGreaterThan(0);
      for (const option of options) expect(option).toHaveTextContent(/Comet Ultra/);
    });
    await expect(body.getByText(/^\d+ models?$/)).not.toHaveTextContent('500');
    await userEvent.click(body.getByRole('button', { name: 'Reasons' }));
    await expect(body.getByRole('button', { name: 'Reasons' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(body.getByText(/^\d+ models?$/)).toHaveTextContent('2 models'));
    for (const option of body.getAllByRole('option')) await expect(option).toHaveTextContent('Reasons');
    await userEvent.click(search);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    const [chosen] = sent(canvasElement);
    await expect(chosen).toMatch(/\/comet-ultra-/);
    await expect(canvas.getByRole('button', { name: /^Model: .*Comet Ultra/ })).toHaveFocus();
  },
};

/** A text-only model without tools: no image, tool, reasoning or structured-output badges. */
export const WithoutToolsOrImages: Story = {
  args: { models: [plainTextModel] },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Model: Choose a model' }));
    const option = await page(canvasElement).findByRole('option', { name: /Acme: Plain Text/ });
    await expect(option).toHaveTextContent('4K context · $0.10 in · $0.20 out per 1M tokens');
    await expect(option).toHaveTextContent('In: text');
    await expect(option).not.toHaveTextContent(/Tools|Reasons|Structured|image/);
    await userEvent.click(page(canvasElement).getByRole('button', { name: 'Image input' }));
    await expect(page(canvasElement).getByText(/No models match/)).toBeVisible();
  },
};

/** A fallback chain: add models, pick a variant, reorder by keyboard and by buttons, remove one. */
export const FallbackChain: Story = {
  args: { models: CATALOGUE.slice(0, 24), mode: 'chain' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Model: Choose a model' }));
    const body = page(canvasElement);
    await userEvent.click(await body.findByRole('radio', { name: 'Floor (cheapest)' }));
    const search = body.getByRole('combobox', { name: 'Search models' });
    await userEvent.click(search);
    await body.findAllByRole('option');
    await userEvent.keyboard('{Enter}{ArrowDown}{ArrowDown}{Enter}');
    const list = body.getByRole('listbox', { name: 'Models' });
    await expect(within(list).getAllByRole('option', { selected: true })).toHaveLength(2);
    await userEvent.keyboard('{Escape}');
    const [first, second] = sent(canvasElement) as string[];
    await expect(first).toMatch(/:floor$/);
    await expect(second).toMatch(/:floor$/);

    const chain = canvas.getByRole('list', { name: 'Models in order of use' });
    const items = within(chain).getAllByRole('listitem');
    items[1]?.focus();
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await expect(sent(canvasElement)).toEqual([second, first]);
    await expect(canvas.getByText(/moved to position 1 of 2\.$/)).toBeInTheDocument();
    await userEvent.click(within(chain).getAllByRole('button', { name: /^Move .* down$/ })[0] as HTMLElement);
    await expect(sent(canvasElement)).toEqual([first, second]);
    await userEvent.selectOptions(
      within(chain).getAllByRole('combobox', { name: /^Routing for / })[1] as HTMLElement,
      'nitro',
    );
    await expect(sent(canvasElement)[1]).toMatch(/:nitro$/);
    await userEvent.click(within(chain).getAllByRole('button', { name: /^Remove / })[0] as HTMLElement);
    await expect(sent(canvasElement)).toHaveLength(1);
  },
};
