import type { ChatImagePart } from '@parley/client/chat';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { gradientPng, recordCanvasVideo, toneWavBase64 } from '../__fixtures__/media.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import type { ContentPartProps } from './content-part-types.ts';
import { ContentParts } from './content-parts.tsx';
import usage from './content-parts.usage.tsx?raw';

const meta = {
  title: 'Content/ContentParts',
  component: ContentParts,
  parameters: {
    docs: {
      description: usageDescription(
        "A message's parts in order (text, images, audio, video), one renderer per type from a map you can override.",
        usage,
      ),
    },
  },
  args: { parts: [{ type: 'text', text: 'Plain text as typed.' }], messageRole: 'user' },
} satisfies Meta<typeof ContentParts>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An image you attached, with alt text; it opens larger in a dialog. */
export const Image: Story = {
  render: (args) => (
    <ContentParts
      {...args}
      parts={[{ type: 'image', url: gradientPng(), alt: 'A blue to amber gradient' }]}
    />
  ),
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'View larger: A blue to amber gradient' }));
    // The dialog is portalled to the body, outside the story's canvas.
    const body = canvasElement.ownerDocument.body;
    await waitFor(() => expect(body.querySelector('[role="dialog"]')).not.toBeNull());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.querySelector('[role="dialog"]')).toBeNull());
  },
};

/** An image in a reply: it loads only when the person allows it. */
export const ImageFromAssistant: Story = {
  args: { messageRole: 'assistant' },
  render: (args) => (
    <ContentParts {...args} parts={[{ type: 'image', url: gradientPng(), alt: 'Chart from the model' }]} />
  ),
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.queryByRole('img')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: /load image embedded in the reply/i }));
    await expect(canvas.getByRole('img', { name: 'Chart from the model' })).toBeVisible();
  },
};

/** Inline audio (`input_audio`): a real player that knows the clip's length. */
export const Audio: Story = {
  args: { parts: [{ type: 'audio', data: toneWavBase64(1), format: 'wav', name: 'tone.wav' }] },
  play: async ({ canvasElement }) => {
    const audio = canvasElement.querySelector('audio')!;
    await waitFor(() => expect(audio.duration).toBeCloseTo(1, 1), { timeout: 5000 });
  },
};

/** A video part, recorded on the spot from a canvas. */
export const Video: Story = {
  loaders: [async () => ({ videoUrl: await recordCanvasVideo() })],
  render: (args, { loaded }) => (
    <ContentParts
      {...args}
      parts={[{ type: 'video', url: loaded.videoUrl as string, source: 'video_url', name: 'clip.webm' }]}
    />
  ),
  play: async ({ canvasElement }) => {
    const video = canvasElement.querySelector('video')!;
    await waitFor(() => expect(video.videoWidth).toBe(64), { timeout: 5000 });
  },
};

/** A remote video in a reply: nothing is fetched until the person presses play; the caption says from where. */
export const VideoFromAssistant: Story = {
  args: {
    messageRole: 'assistant',
    parts: [{ type: 'video', url: 'https://cdn.example.com/demo.webm', source: 'video_url', name: 'Demo' }],
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('(plays from cdn.example.com)')).toBeVisible();
    const video = canvasElement.querySelector('video')!;
    await expect(video).toHaveAccessibleName('Demo');
    await expect(video.readyState).toBe(HTMLMediaElement.HAVE_NOTHING);
  },
};

function Thumbnail({ part }: ContentPartProps<ChatImagePart>) {
  return <span data-testid="thumbnail">[thumbnail: {part.alt}]</span>;
}
const customComponents = { image: Thumbnail };

/** The `components` map replaces a renderer: here images become a text thumbnail. */
export const CustomRenderer: Story = {
  args: {
    components: customComponents,
    parts: [
      { type: 'text', text: 'Look at this:' },
      { type: 'image', url: 'https://example.com/cat.png', alt: 'a cat' },
    ],
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('[thumbnail: a cat]')).toBeVisible();
    await expect(canvas.queryByRole('img')).toBeNull();
  },
};
