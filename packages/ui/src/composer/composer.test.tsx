import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { pngFile, textFile, toneStream, wavFile, webmVideoFile } from '../__fixtures__/files.ts';
import * as Composer from './index.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

function transfer(files: File[]): DataTransfer {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return data;
}

function drop(target: Element, files: File[]) {
  const dataTransfer = transfer(files);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    fireEvent(target, new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
  }
}

const textbox = () => screen.getByRole('textbox', { name: 'Message' });

describe('Composer', () => {
  it('sends on Enter, breaks the line on Shift+Enter, and clears the draft', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Composer.Root onSubmit={onSubmit} />);
    await user.type(textbox(), 'Hello{Shift>}{Enter}{/Shift}world');
    expect(textbox()).toHaveValue('Hello\nworld');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({ text: 'Hello\nworld', attachments: [] });
    expect(textbox()).toHaveValue('');
  });

  it('takes a draft through its API: text replaced, files kept, focus and caret at the end', async () => {
    const user = userEvent.setup();
    const api = createRef<Composer.ComposerApi>();
    const onValueChange = vi.fn();
    const onSubmit = vi.fn();
    render(
      <>
        <button type="button" onClick={() => api.current?.setDraft('Say it more kindly')}>
          Suggest
        </button>
        <Composer.Root apiRef={api} onValueChange={onValueChange} onSubmit={onSubmit} />
      </>,
    );
    await user.type(textbox(), 'Old words');
    await user.upload(screen.getByLabelText('Choose files to attach'), pngFile());
    await user.click(screen.getByRole('button', { name: 'Suggest' }));
    expect(textbox()).toHaveValue('Say it more kindly');
    expect(textbox()).toHaveFocus();
    expect((textbox() as HTMLTextAreaElement).selectionStart).toBe('Say it more kindly'.length);
    expect(onValueChange).toHaveBeenLastCalledWith('Say it more kindly');
    // The person goes on typing where the caret is, and sends text and file together.
    await user.keyboard(', please{Enter}');
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({
      text: 'Say it more kindly, please',
      attachments: [expect.objectContaining({ kind: 'image' })],
    });
  });

  it('moves the caret to the end even when the draft already holds the text', async () => {
    const user = userEvent.setup();
    const api = createRef<Composer.ComposerApi>();
    render(<Composer.Root apiRef={api} defaultValue="Same text" />);
    await user.click(textbox());
    (textbox() as HTMLTextAreaElement).setSelectionRange(0, 0);
    act(() => api.current?.setDraft('Same text'));
    expect((textbox() as HTMLTextAreaElement).selectionStart).toBe('Same text'.length);
  });

  it('does not send on the Enter that confirms an IME composition', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Composer.Root onSubmit={onSubmit} />);
    await user.type(textbox(), 'nihon');
    // The IME consumes these Enters, so they are dispatched without user-event's default action.
    fireEvent.compositionStart(textbox());
    fireEvent.keyDown(textbox(), { key: 'Enter' });
    fireEvent.keyDown(textbox(), { key: 'Enter', isComposing: true });
    fireEvent.compositionEnd(textbox());
    // Safari's confirming Enter arrives after compositionend, as keyCode 229.
    fireEvent.keyDown(textbox(), { key: 'Enter', keyCode: 229 });
    expect(onSubmit).not.toHaveBeenCalled();
    expect(textbox()).toHaveValue('nihon');
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({ text: 'nihon', attachments: [] });
  });

  it('keeps Send disabled while the draft is blank', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Composer.Root onSubmit={onSubmit} />);
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await user.type(textbox(), '   {Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('attaches a pasted image and previews it as a real image', async () => {
    const user = userEvent.setup();
    const { container } = render(<Composer.Root />);
    await user.click(textbox());
    await user.paste(transfer([pngFile('pasted.png')]));
    const image = await screen.findByRole('img', { name: 'pasted.png' });
    expect(image.getAttribute('src')).toMatch(/^blob:/);
    await waitFor(() => expect((image as HTMLImageElement).naturalWidth).toBe(64));
    expect(textbox()).toHaveValue('');
    await expectNoAxeViolations(container);
  });

  it('attaches dropped files, each with a preview that loads', async () => {
    render(<Composer.Root />);
    drop(screen.getByRole('textbox').closest('form')!, [pngFile(), wavFile()]);
    const list = screen.getByRole('list', { name: 'Attachments' });
    expect(list.querySelectorAll('li')).toHaveLength(2);
    const audio = (await screen.findByLabelText('tone.wav')) as HTMLAudioElement;
    expect(audio.tagName).toBe('AUDIO');
    await waitFor(() => expect(audio.duration).toBeCloseTo(0.5, 1));
    expect(screen.getByRole('button', { name: 'Remove gradient.png' })).toBeInTheDocument();
  });

  it('previews a dropped video in a player that loads it', async () => {
    render(<Composer.Root />);
    drop(textbox(), [await webmVideoFile('screen.webm')]);
    const video = (await screen.findByLabelText('screen.webm')) as HTMLVideoElement;
    expect(video.tagName).toBe('VIDEO');
    await waitFor(() => expect(video.readyState).toBeGreaterThanOrEqual(HTMLMediaElement.HAVE_METADATA));
    expect(video.videoWidth).toBe(64);
  });

  it('attaches files from the picker', async () => {
    const user = userEvent.setup();
    render(<Composer.Root acceptedModalities={['text', 'image']} />);
    const picker = screen.getByLabelText('Choose files to attach');
    expect(picker).toHaveAttribute('accept', 'image/*');
    expect(screen.getByRole('button', { name: 'Attach' })).toBeEnabled();
    await user.upload(picker, pngFile('picked.png'));
    expect(await screen.findByRole('img', { name: 'picked.png' })).toBeInTheDocument();
  });

  it('refuses kinds the model does not take and says why', async () => {
    const onAttachmentsRefused = vi.fn();
    const { container } = render(
      <Composer.Root acceptedModalities={['text', 'image']} onAttachmentsRefused={onAttachmentsRefused} />,
    );
    drop(container.querySelector('form')!, [wavFile('voice.wav'), textFile(), pngFile()]);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(
      '“voice.wav” was not attached: the selected model does not accept audio (it accepts images).',
    );
    expect(status).toHaveTextContent('“notes.txt” was not attached: only images can be attached.');
    expect(screen.getByRole('list', { name: 'Attachments' }).querySelectorAll('li')).toHaveLength(1);
    expect(onAttachmentsRefused).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container);
  });

  it('offers no attachments to a text-only model and explains a dropped file', () => {
    const { container } = render(<Composer.Root acceptedModalities={['text']} />);
    expect(screen.queryByRole('button', { name: 'Attach' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record' })).toBeNull();
    drop(container.querySelector('form')!, [pngFile()]);
    expect(screen.getByRole('status')).toHaveTextContent('the selected model accepts text only');
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
  });

  it('refuses files over the size limit', () => {
    const { container } = render(<Composer.Root maxAttachmentBytes={1024} />);
    drop(container.querySelector('form')!, [wavFile('long.wav')]);
    expect(screen.getByRole('status')).toHaveTextContent(
      '“long.wav” was not attached: it is larger than 1 KB.',
    );
  });

  it('removes an attachment, revokes its preview URL and returns focus to the draft', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <StrictMode>
        <Composer.Root />
      </StrictMode>,
    );
    drop(container.querySelector('form')!, [pngFile()]);
    const image = await screen.findByRole('img', { name: 'gradient.png' });
    const url = image.getAttribute('src')!;
    await expect(fetch(url).then((response) => response.ok)).resolves.toBe(true);
    await user.click(screen.getByRole('button', { name: 'Remove gradient.png' }));
    expect(screen.queryByRole('img', { name: 'gradient.png' })).toBeNull();
    await expect(fetch(url)).rejects.toThrow();
    expect(textbox()).toHaveFocus();
  });

  it('sends text and files together and returns focus to the draft', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const { container } = render(<Composer.Root onSubmit={onSubmit} />);
    drop(container.querySelector('form')!, [pngFile()]);
    await user.type(textbox(), 'What is this?');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const submission = onSubmit.mock.calls[0]?.[0] as Composer.ComposerSubmission;
    expect(submission.text).toBe('What is this?');
    expect(submission.attachments.map(({ file, kind, origin }) => [file.name, kind, origin])).toEqual([
      ['gradient.png', 'image', 'drop'],
    ]);
    expect(textbox()).toHaveFocus();
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
  });

  it('puts the draft and its files back when the send fails', async () => {
    const user = userEvent.setup();
    const { container } = render(<Composer.Root onSubmit={() => Promise.resolve(false)} />);
    drop(container.querySelector('form')!, [pngFile()]);
    await user.type(textbox(), 'Keep me{Enter}');
    await waitFor(() => expect(textbox()).toHaveValue('Keep me'));
    expect(await screen.findByRole('img', { name: 'gradient.png' })).toBeInTheDocument();
  });

  it('puts the draft back and says why when sending throws', async () => {
    const user = userEvent.setup();
    const onSubmit = () => Promise.reject(new Error('the recording could not be read'));
    render(<Composer.Root onSubmit={onSubmit} />);
    await user.type(textbox(), 'With a broken file{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('Not sent: the recording could not be read');
    expect(textbox()).toHaveValue('With a broken file');
  });

  it('focuses through an outside ref', async () => {
    const inputRef = createRef<HTMLTextAreaElement>();
    render(<Composer.Root inputRef={inputRef} />);
    act(() => inputRef.current?.focus());
    expect(textbox()).toHaveFocus();
  });

  it('does not overwrite a new draft with the one whose send failed', async () => {
    const user = userEvent.setup();
    let fail: (sent: boolean) => void = () => {};
    render(<Composer.Root onSubmit={() => new Promise<boolean>((resolve) => (fail = resolve))} />);
    await user.type(textbox(), 'First{Enter}');
    await user.type(textbox(), 'Second');
    await act(async () => fail(false));
    expect(textbox()).toHaveValue('Second');
  });

  it('works with a controlled draft', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const { rerender } = render(<Composer.Root value="Draft" onValueChange={onValueChange} />);
    await user.type(textbox(), '!');
    expect(onValueChange).toHaveBeenLastCalledWith('Draft!');
    expect(textbox()).toHaveValue('Draft');
    rerender(<Composer.Root value="Draft!" onValueChange={onValueChange} />);
    expect(textbox()).toHaveValue('Draft!');
  });

  it('offers Stop instead of Send while a reply streams, and returns focus to the draft', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const onStop = vi.fn();
    const { container } = render(<Composer.Root busy onSubmit={onSubmit} onStop={onStop} />);
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    await user.type(textbox(), 'Next question{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(textbox()).toHaveValue('Next question');
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalledOnce();
    expect(textbox()).toHaveFocus();
    expect(container.querySelector('form')).toHaveAttribute('data-state', 'busy');
    await expectNoAxeViolations(container);
  });

  it('renders Send onto the child element with asChild, keeping its behaviour', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <Composer.Root onSubmit={onSubmit}>
        <Composer.Input />
        <Composer.Send asChild>
          <button type="submit" className="mine">
            Go
          </button>
        </Composer.Send>
      </Composer.Root>,
    );
    await user.type(textbox(), 'Hi');
    const go = screen.getByRole('button', { name: 'Go' });
    expect(go).toHaveClass('mine');
    expect(go).toHaveAttribute('data-slot', 'composer-send');
    await user.click(go);
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('lets the user’s key handler prevent sending', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <Composer.Root onSubmit={onSubmit}>
        <Composer.Input onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()} />
      </Composer.Root>,
    );
    await user.type(textbox(), 'Hi{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('records audio with its elapsed time and attaches the recording', async () => {
    const user = userEvent.setup();
    const { container } = render(<Composer.Root getAudioStream={toneStream} />);
    await user.click(screen.getByRole('button', { name: 'Record' }));
    const timer = await screen.findByRole('timer', { name: 'Recording time' });
    expect(timer).toHaveTextContent('0:00');
    await expectNoAxeViolations(container);
    await waitFor(() => expect(timer).toHaveTextContent('0:01'), { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Stop recording' }));
    const audio = (await screen.findByLabelText(/^Recording 1\./)) as HTMLAudioElement;
    expect(audio.tagName).toBe('AUDIO');
    expect(screen.queryByRole('timer')).toBeNull();
    await waitFor(() => expect(audio.readyState).toBeGreaterThanOrEqual(HTMLMediaElement.HAVE_METADATA));
  });

  it('says so when the microphone is refused', async () => {
    const user = userEvent.setup();
    const refuse = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    render(<Composer.Root getAudioStream={refuse} />);
    await user.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Microphone access was denied.');
    expect(screen.getByRole('button', { name: 'Record' })).toBeEnabled();
  });

  it('hides recording where the browser has no MediaRecorder', () => {
    vi.stubGlobal('MediaRecorder', undefined);
    render(<Composer.Root getAudioStream={toneStream} />);
    expect(screen.queryByRole('button', { name: 'Record' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Attach' })).toBeInTheDocument();
  });
});
