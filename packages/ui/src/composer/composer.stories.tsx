import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, waitFor } from 'storybook/test';
import { pngFile, sampleAttachments, toneStream, wavFile } from '../__fixtures__/files.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import type { ComposerAttachment } from './attachment-files.ts';
import usage from './composer.usage.tsx?raw';
import * as Composer from './index.ts';

const meta = {
  title: 'Composer',
  component: Composer.Root,
  parameters: {
    docs: {
      description: usageDescription(
        'The message box: the draft, its attachments (picked, pasted, dropped or recorded) and one send/stop control. Without children it renders its default layout; with them, its parts where you put them.',
        usage,
      ),
    },
  },
  args: { onSubmit: fn(), onStop: fn(), onValueChange: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 640 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Composer.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

function dropFiles(target: Element, files: File[]) {
  const dataTransfer = new DataTransfer();
  for (const file of files) dataTransfer.items.add(file);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    fireEvent(target, new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
  }
}

/** Nothing typed yet: Send waits for a message. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue('');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Attach' })).toBeEnabled();
  },
};

/** A draft ready to go; Enter sends it and the composer clears. */
export const WithDraft: Story = {
  args: { defaultValue: 'Summarise the attached chart in two sentences.' },
  play: async ({ canvas, userEvent, args }) => {
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeEnabled();
    await userEvent.type(input, '{Enter}');
    await expect(args.onSubmit).toHaveBeenCalledWith({
      text: 'Summarise the attached chart in two sentences.',
      attachments: [],
    });
    await expect(input).toHaveValue('');
    await expect(input).toHaveFocus();
  },
};

/** An image, an audio clip and a video waiting to be sent, each previewed by the browser. */
export const WithAttachments: Story = {
  loaders: [async () => ({ attachments: await sampleAttachments() })],
  render: (args, { loaded }) => (
    <Composer.Root {...args} defaultAttachments={loaded.attachments as ComposerAttachment[]} />
  ),
  play: async ({ canvas }) => {
    const list = canvas.getByRole('list', { name: 'Attachments' });
    await expect(list.querySelectorAll('li')).toHaveLength(3);
    const image = await canvas.findByRole<HTMLImageElement>('img', { name: 'chart.png' });
    await waitFor(() => expect(image.naturalWidth).toBeGreaterThan(0));
    await expect((await canvas.findByLabelText('question.wav')).tagName).toBe('AUDIO');
    await expect((await canvas.findByLabelText('screen.webm')).tagName).toBe('VIDEO');
    await expect(canvas.getByRole('button', { name: 'Remove screen.webm' })).toBeInTheDocument();
  },
};

/** A reply is streaming: Stop replaces Send, and stopping returns focus to the draft. */
export const Streaming: Story = {
  args: { busy: true },
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.queryByRole('button', { name: 'Send' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    await expect(args.onStop).toHaveBeenCalledOnce();
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveFocus();
  },
};

/** The model takes images only: a dropped audio file is refused, and the reason is announced. */
export const RefusedAudio: Story = {
  args: { acceptedModalities: ['text', 'image'] },
  play: async ({ canvas, canvasElement }) => {
    dropFiles(canvasElement.querySelector('form')!, [wavFile('voice-note.wav'), pngFile('photo.png')]);
    await expect(canvas.getByRole('status')).toHaveTextContent(
      '“voice-note.wav” was not attached: the selected model does not accept audio (it accepts images).',
    );
    await expect(await canvas.findByRole('img', { name: 'photo.png' })).toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: 'Record' })).toBeNull();
  },
};

/** A text-only model: no Attach or Record, and a dropped file is explained. */
export const TextOnlyModel: Story = {
  args: { acceptedModalities: ['text'] },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.queryByRole('button', { name: 'Attach' })).toBeNull();
    dropFiles(canvasElement.querySelector('form')!, [pngFile('photo.png')]);
    await expect(canvas.getByRole('status')).toHaveTextContent(
      '“photo.png” was not attached: the selected model accepts text only.',
    );
  },
};

/** Recording from a test tone instead of the microphone: the clock runs, and the clip is attached. */
export const Recording: Story = {
  args: { getAudioStream: toneStream },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Record' }));
    const timer = await canvas.findByRole('timer', { name: 'Recording time' });
    await waitFor(() => expect(timer).toHaveTextContent('0:01'), { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Stop recording' }));
    await expect((await canvas.findByLabelText(/^Recording 1\./)).tagName).toBe('AUDIO');
  },
};

/** The send failed (the handler said so): the draft and its files come back. */
export const SendFails: Story = {
  args: {
    defaultValue: 'This one will fail',
    onSubmit: fn(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 200))),
  },
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, '{Enter}');
    await expect(input).toHaveValue('');
    await waitFor(() => expect(input).toHaveValue('This one will fail'));
  },
};

/** Switched off (no key yet, for instance): nothing can be typed or sent. */
export const Disabled: Story = {
  args: { disabled: true, defaultValue: 'Waiting for an API key' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
  },
};
