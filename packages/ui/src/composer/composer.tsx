/** @jsxImportSource ../jsx */
'use client';
import type { Modality } from '@parley/client';
import { composeEventHandlers } from 'radix-ui/internal';
import * as React from 'react';
import {
  type AttachmentKindOf,
  type AttachmentOrigin,
  acceptAttribute,
  acceptedKinds,
  type ComposerAttachment,
  describeRefusals,
  mimeAttachmentKind,
  type RefusedFile,
  sortFiles,
} from './attachment-files.ts';
import {
  ComposerAttachButton,
  ComposerNotice,
  ComposerRecord,
  ComposerRecordingTime,
  ComposerSend,
  ComposerToolbar,
} from './composer-actions.tsx';
import { ComposerAttachments } from './composer-attachments.tsx';
import { ComposerContext, type ComposerContextValue } from './composer-context.ts';
import { ComposerInput } from './composer-input.tsx';
import { type GetAudioStream, useAudioRecorder } from './use-audio-recorder.ts';
import { type ComposerDraftProps, useComposerDraft } from './use-composer-draft.ts';

/** What the composer hands over when the user sends. */
export interface ComposerSubmission {
  text: string;
  /** The files to send, in the order they were added; each keeps its `File`. */
  attachments: ComposerAttachment[];
}

/**
 * What `Composer.Root`'s `apiRef` gives: the draft, changed from outside the way a person would
 * change it, through the composer's own state (so a controlled composer hears `onValueChange`).
 */
export interface ComposerApi {
  /** Replaces the draft's text (its files stay), focuses it and puts the caret at its end. */
  setDraft(text: string): void;
  /** Moves focus to the draft. */
  focus(): void;
}

/** `false` (or a promise of it, or a rejection) means "not sent": the composer puts the draft back. */
export type ComposerSubmitResult = boolean | undefined;

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface ComposerRootProps
  extends Omit<React.ComponentProps<'form'>, 'onSubmit' | 'defaultValue' | 'children'>,
    ComposerDraftProps {
  /**
   * Called when the user sends. The composer clears at once and puts the draft back if this returns
   * `false`, resolves to `false` or rejects, unless the user has started a new draft meanwhile. A
   * rejection's message is shown and announced ("Not sent: …").
   */
  onSubmit?:
    | ((submission: ComposerSubmission) => ComposerSubmitResult | Promise<ComposerSubmitResult>)
    | undefined;
  /** Called by Stop while a reply is in flight. */
  onStop?: (() => void) | undefined;
  /** A reply is in flight: Send turns into Stop and Enter does not send. */
  busy?: boolean | undefined;
  disabled?: boolean | undefined;
  /** The selected model's input modalities; decides which files are taken. All media kinds when absent. */
  acceptedModalities?: readonly Modality[] | undefined;
  /** Tells a file's kind; `attachmentKind` from `@parley/react` fits. Defaults to the media type. */
  attachmentKind?: AttachmentKindOf | undefined;
  /** Files larger than this are refused with a reason. */
  maxAttachmentBytes?: number | undefined;
  /** Called with the files that were refused and why (the reason is also shown and announced). */
  onAttachmentsRefused?: ((refused: RefusedFile[]) => void) | undefined;
  /** Where recordings come from; the microphone by default. */
  getAudioStream?: GetAudioStream | undefined;
  /** The draft's textarea, for moving focus to it from outside (after a retry, for instance). */
  inputRef?: React.RefObject<HTMLTextAreaElement | null> | undefined;
  /** Receives the {@link ComposerApi}: put text in the draft (Rephrase, a suggestion) or focus it. */
  apiRef?: React.Ref<ComposerApi> | undefined;
  /** The parts; the default layout when absent. */
  children?: React.ReactNode | undefined;
}

/**
 * The message composer: a form holding the draft, its attachments and the send/stop actions.
 * Without children it renders the default layout. `apiRef` lets the app fill or focus the draft.
 *
 * @example
 * <Composer.Root busy={status === 'streaming'} onSubmit={({ text }) => send(text)} onStop={stop}
 *   acceptedModalities={model.architecture.input_modalities} />
 * const composer = React.useRef<Composer.ComposerApi>(null);
 * <Composer.Root apiRef={composer} onSubmit={submit} />
 * <button onClick={() => composer.current?.setDraft('Try again, shorter')}>Suggest</button>
 */
export function ComposerRoot(allProps: ComposerRootProps) {
  const { value, setValue, attachments, setAttachments, rest } = useComposerDraft(allProps, 'Composer.Root');
  const {
    onSubmit,
    onStop,
    busy = false,
    disabled = false,
    acceptedModalities,
    attachmentKind = mimeAttachmentKind,
    maxAttachmentBytes,
    onAttachmentsRefused,
    getAudioStream,
    inputRef: inputRefProp,
    apiRef,
    children,
    onPaste,
    onDragEnter,
    onDragOver,
    onDragLeave,
    onDrop,
    ...props
  } = rest;
  const [notice, setNotice] = React.useState('');
  const [dragging, setDragging] = React.useState(false);
  const dragDepth = React.useRef(0);
  const ownInputRef = React.useRef<HTMLTextAreaElement | null>(null);
  const inputRef = inputRefProp ?? ownInputRef;
  const fileInputRef = React.useRef<HTMLInputElement | null>(null);
  const nextId = React.useRef(0);
  const baseId = React.useId();

  // Async work (a send that fails later, a recording that stops) reads the latest state through these.
  const latest = React.useRef({ value, attachments, setValue, setAttachments, onSubmit, busy, disabled });
  latest.current = { value, attachments, setValue, setAttachments, onSubmit, busy, disabled };

  const modalitiesKey = acceptedModalities?.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content, so an inline array is fine
  const kinds = React.useMemo(() => acceptedKinds(acceptedModalities), [modalitiesKey]);

  const addFiles = React.useCallback(
    (files: Iterable<File>, origin: AttachmentOrigin) => {
      const { accepted, refused } = sortFiles(files, {
        kinds,
        kindOf: attachmentKind,
        maxBytes: maxAttachmentBytes,
      });
      setNotice(describeRefusals(refused));
      if (refused.length > 0) onAttachmentsRefused?.(refused);
      if (accepted.length === 0) return;
      const added = accepted.map(({ file, kind }) => {
        nextId.current += 1;
        return { id: `${baseId}-${nextId.current}`, file, kind, origin };
      });
      latest.current.setAttachments([...latest.current.attachments, ...added]);
    },
    [kinds, attachmentKind, maxAttachmentBytes, onAttachmentsRefused, baseId],
  );

  const recorder = useAudioRecorder({
    getStream: getAudioStream,
    onRecorded: (file) => addFiles([file], 'recording'),
    onError: setNotice,
  });

  const focusInput = React.useCallback(() => inputRef.current?.focus(), [inputRef]);

  // The caret goes to the end of a draft set from outside once the new text is in the textarea.
  const [caretRequest, setCaretRequest] = React.useState(0);
  React.useLayoutEffect(() => {
    const input = inputRef.current;
    if (caretRequest === 0 || !input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [caretRequest, inputRef]);
  React.useImperativeHandle(
    apiRef,
    () => ({
      setDraft(text) {
        latest.current.setValue(text);
        setCaretRequest((request) => request + 1);
      },
      focus: focusInput,
    }),
    [focusInput],
  );

  const submit = React.useCallback(() => {
    const { value: text, attachments: files, busy: inFlight, disabled: off } = latest.current;
    if (inFlight || off || (text.trim() === '' && files.length === 0)) return;
    latest.current.setValue('');
    latest.current.setAttachments([]);
    setNotice('');
    focusInput();
    const restore = () => {
      if (latest.current.value === '') latest.current.setValue(text);
      if (latest.current.attachments.length === 0) latest.current.setAttachments(files);
    };
    // A failure to send is the user's to see, not an exception for nobody to catch.
    const fail = (error: unknown) => {
      restore();
      setNotice(`Not sent: ${error instanceof Error ? error.message : String(error)}`);
    };
    let result: ReturnType<NonNullable<ComposerRootProps['onSubmit']>>;
    try {
      result = latest.current.onSubmit?.({ text, attachments: files });
    } catch (error) {
      fail(error);
      return;
    }
    if (result === false) restore();
    else if (result instanceof Promise) result.then((sent) => sent === false && restore(), fail);
  }, [focusInput]);

  const stop = React.useMemo(
    () =>
      onStop &&
      (() => {
        onStop();
        focusInput();
      }),
    [onStop, focusInput],
  );

  const hasFiles = (event: React.DragEvent) => event.dataTransfer.types.includes('Files');

  const context: ComposerContextValue = {
    value,
    setValue,
    attachments,
    kinds,
    accept: acceptAttribute(kinds),
    busy,
    disabled,
    canSend: !busy && !disabled && (value.trim() !== '' || attachments.length > 0),
    notice,
    submit,
    stop,
    addFiles,
    removeAttachment: (id) => {
      setAttachments(attachments.filter((attachment) => attachment.id !== id));
      focusInput();
    },
    openFilePicker: () => fileInputRef.current?.click(),
    focusInput,
    inputRef,
    inputId: `${baseId}-input`,
    noticeId: `${baseId}-notice`,
    recorder: {
      supported: recorder.supported,
      state: recorder.state,
      elapsedMs: recorder.elapsedMs,
      start: () => void recorder.start(),
      stop: recorder.stop,
    },
  };

  return (
    <ComposerContext.Provider value={context}>
      <form
        data-slot="composer"
        data-state={busy ? 'busy' : 'idle'}
        data-disabled={disabled ? '' : undefined}
        data-dragging={dragging ? '' : undefined}
        {...props}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        onPaste={composeEventHandlers(onPaste, (event) => {
          const files = event.clipboardData.files;
          if (disabled || files.length === 0) return;
          // Text copied with an image (from a web page) still pastes as text; a bare file does not
          // paste its name into the draft.
          if (!event.clipboardData.types.includes('text/plain')) event.preventDefault();
          addFiles(files, 'paste');
        })}
        onDragEnter={composeEventHandlers(onDragEnter, (event) => {
          if (disabled || !hasFiles(event)) return;
          dragDepth.current += 1;
          setDragging(true);
        })}
        onDragOver={composeEventHandlers(onDragOver, (event) => {
          if (disabled || !hasFiles(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        })}
        onDragLeave={composeEventHandlers(onDragLeave, (event) => {
          if (!hasFiles(event)) return;
          dragDepth.current = Math.max(0, dragDepth.current - 1);
          if (dragDepth.current === 0) setDragging(false);
        })}
        onDrop={composeEventHandlers(onDrop, (event) => {
          dragDepth.current = 0;
          setDragging(false);
          if (disabled || event.dataTransfer.files.length === 0) return;
          event.preventDefault();
          addFiles(event.dataTransfer.files, 'drop');
        })}
      >
        {children === undefined ? <ComposerDefaultLayout /> : children}
        <input
          ref={fileInputRef}
          data-slot="composer-file-input"
          type="file"
          multiple
          hidden
          tabIndex={-1}
          aria-label="Choose files to attach"
          accept={context.accept}
          disabled={disabled || kinds.length === 0}
          onChange={(event) => {
            addFiles(Array.from(event.currentTarget.files ?? []), 'picker');
            // Cleared so that picking the same file again after removing it still fires a change.
            event.currentTarget.value = '';
            focusInput();
          }}
        />
      </form>
    </ComposerContext.Provider>
  );
}

function ComposerDefaultLayout() {
  return (
    <>
      <ComposerAttachments />
      <ComposerInput />
      <ComposerToolbar>
        <ComposerAttachButton />
        <ComposerRecord />
        <ComposerRecordingTime />
        <ComposerSend />
      </ComposerToolbar>
      <ComposerNotice />
    </>
  );
}
