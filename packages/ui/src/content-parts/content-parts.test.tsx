import type { ChatImagePart, ChatPart } from '@parley/client/chat';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { gradientPng, recordCanvasVideo, toneWavBase64 } from '../__fixtures__/media.ts';
import { simulatorBaseURL } from '../__fixtures__/simulator.ts';
import type { ContentPartProps } from './content-part-types.ts';
import { ContentParts } from './content-parts.tsx';

function waitForMetadata(media: HTMLMediaElement): Promise<void> {
  if (media.readyState >= HTMLMediaElement.HAVE_METADATA) return Promise.resolve();
  return new Promise((resolve, reject) => {
    media.addEventListener('loadedmetadata', () => resolve(), { once: true });
    media.addEventListener('error', () => reject(new Error(`media error ${media.error?.code}`)), {
      once: true,
    });
  });
}

function Thumbnail({ part }: ContentPartProps<ChatImagePart>) {
  return <span>custom image: {part.alt}</span>;
}

describe('ContentParts', () => {
  it('renders assistant text as markdown (plain until the renderer loads) and user text as typed', async () => {
    const parts: ChatPart[] = [{ type: 'text', text: '**bold** and\nnext line' }];
    const { container, rerender } = render(<ContentParts parts={parts} messageRole="assistant" />);
    // The renderer is a chunk of its own; until it arrives, the text is there as it came.
    expect(container.querySelector('[data-slot="markdown"]')).toHaveTextContent('bold');
    await waitFor(() => expect(container.querySelector('strong')).toHaveTextContent('bold'));
    rerender(<ContentParts parts={parts} messageRole="user" />);
    expect(container.querySelector('strong')).toBeNull();
    expect(screen.getByText(/\*\*bold\*\* and/)).toBeInTheDocument();
  });

  it('shows an image with its alt text and opens a larger view', async () => {
    const user = userEvent.setup();
    const url = gradientPng();
    const { container } = render(
      <ContentParts parts={[{ type: 'image', url, alt: 'A gradient' }]} messageRole="user" />,
    );
    await expectNoAxeViolations(container);
    const thumbnail = screen.getByRole('button', { name: 'View larger: A gradient' });
    expect(thumbnail).toHaveAttribute('aria-expanded', 'false');
    await user.click(thumbnail);
    const dialog = await screen.findByRole('dialog', { name: 'A gradient' });
    expect(dialog.querySelector('img')).toHaveAttribute('src', url);
    expect(thumbnail).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(thumbnail).toHaveFocus();
    // From the keyboard too: Enter opens it again (its code is loaded by now), Escape closes it.
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'A gradient' })).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(thumbnail).toHaveFocus();
  });

  it('waits for permission before loading a remote image from the assistant', async () => {
    const user = userEvent.setup();
    const part: ChatImagePart = { type: 'image', url: 'https://cdn.example.com/chart.png', alt: 'Chart' };
    const { container } = render(<ContentParts parts={[part]} messageRole="assistant" />);
    expect(container.querySelector('img')).toBeNull();
    await user.click(screen.getByRole('button', { name: /load image from cdn\.example\.com/i }));
    expect(screen.getByRole('img', { name: 'Chart' })).toHaveAttribute('src', part.url);
  });

  it('refuses an image whose address is not allowed', () => {
    const { container } = render(
      <ContentParts parts={[{ type: 'image', url: 'javascript:alert(1)', alt: 'x' }]} messageRole="user" />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(/image not shown/i)).toBeInTheDocument();
  });

  it('plays inline audio: the player loads the WAV and knows its duration', async () => {
    const { container } = render(
      <ContentParts
        parts={[{ type: 'audio', data: toneWavBase64(0.5), format: 'wav', name: 'tone.wav' }]}
        messageRole="user"
      />,
    );
    const audio = container.querySelector('audio')!;
    expect(audio).toHaveAccessibleName('tone.wav');
    await waitForMetadata(audio);
    expect(audio.duration).toBeCloseTo(0.5, 1);
    await expectNoAxeViolations(container);
  });

  it('plays a video part', async () => {
    const url = await recordCanvasVideo();
    const { container } = render(
      <ContentParts
        parts={[{ type: 'video', url, source: 'video_url', name: 'clip.webm' }]}
        messageRole="user"
      />,
    );
    const video = container.querySelector('video')!;
    expect(video).toHaveAccessibleName('clip.webm');
    await waitForMetadata(video);
    expect(video.videoWidth).toBe(64);
    URL.revokeObjectURL(url);
  });

  it('requests a remote video in a reply only when the person plays it', async () => {
    // A server answer of any kind (here a 404) would end the load in an error; a player that
    // fetched nothing goes idle ('suspend') with no data.
    const url = `${simulatorBaseURL()}/not-a-video.webm`;
    const firstEvent = (media: HTMLMediaElement) =>
      new Promise<string>((resolve) => {
        for (const type of ['suspend', 'error'])
          media.addEventListener(type, () => resolve(type), { once: true });
      });
    const { container, rerender } = render(
      <ContentParts
        parts={[{ type: 'video', url, source: 'video_url', name: 'clip' }]}
        messageRole="assistant"
      />,
    );
    const video = container.querySelector('video')!;
    expect(await firstEvent(video)).toBe('suspend');
    expect(video.readyState).toBe(HTMLMediaElement.HAVE_NOTHING);
    expect(screen.getByText(/plays from 127\.0\.0\.1/)).toBeInTheDocument();
    // The same video the person sent themselves loads its metadata as usual.
    rerender(
      <ContentParts parts={[{ type: 'video', url, source: 'video_url', name: 'clip' }]} messageRole="user" />,
    );
    expect(await firstEvent(container.querySelector('video')!)).toBe('error');
  });

  it('uses a renderer from the components map instead of the default', () => {
    const components = { image: Thumbnail };
    const { container } = render(
      <ContentParts
        parts={[
          { type: 'text', text: 'Look:' },
          { type: 'image', url: 'https://example.com/x.png', alt: 'x' },
        ]}
        messageRole="user"
        components={components}
      />,
    );
    expect(screen.getByText('custom image: x')).toBeInTheDocument();
    expect(screen.getByText('Look:')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('marks only the last part as streaming', () => {
    const { container } = render(
      <ContentParts
        parts={[
          { type: 'text', text: 'Done **bold' },
          { type: 'text', text: 'Still **going' },
        ]}
        messageRole="assistant"
        streaming
      />,
    );
    const [first, second] = container.querySelectorAll('[data-slot="text-part"]');
    expect(first).not.toHaveAttribute('data-streaming');
    expect(second).toHaveAttribute('data-streaming');
    expect(second?.querySelector('strong')).toHaveTextContent('going');
  });
});
