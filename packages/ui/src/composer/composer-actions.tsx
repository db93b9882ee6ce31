/** @jsxImportSource ../jsx */
'use client';
import { Slot } from 'radix-ui';
import { composeEventHandlers } from 'radix-ui/internal';
import type * as React from 'react';
import { ArrowUpIcon, AttachIcon, MicIcon, StopIcon } from '../icons.tsx';
import { IconTooltip } from '../tooltip.tsx';
import { formatElapsed } from './attachment-files.ts';
import { useComposerContext } from './composer-context.ts';

/* -------------------------------------------------------------------------------------------------
 * Toolbar, Send (and Stop), Stop
 * -----------------------------------------------------------------------------------------------*/

/** The row of actions under the draft. */
export function ComposerToolbar(props: React.ComponentProps<'div'>) {
  return <div data-slot="composer-toolbar" {...props} />;
}

export interface ComposerButtonProps extends React.ComponentProps<'button'> {
  /** Render the child element instead of a `<button>`, merging props onto it. */
  asChild?: boolean | undefined;
}

/**
 * The send/stop control: an arrow named "Send" that sends the draft (disabled while there is
 * nothing to send), and, while a reply is in flight, the same button named "Stop", which stops it.
 * One element throughout, stamped `data-state="send|stop"`, so it never moves or re-mounts under a
 * pointer or a screen reader's cursor. Its own children replace the icon in both states.
 */
export function ComposerSend({ asChild, children, onClick, ...props }: ComposerButtonProps) {
  const context = useComposerContext('Composer.Send');
  const stop = context.busy ? context.stop : undefined;
  const label = stop ? 'Stop' : 'Send';
  const Component = asChild ? Slot.Root : 'button';
  return (
    <IconTooltip label={label}>
      <Component
        // Always a submit button, so a click that lands as Stop turns into Send must not send:
        // the Stop click cancels the submission (the draft may already hold the next message).
        type="submit"
        data-slot="composer-send"
        data-state={stop ? 'stop' : 'send'}
        aria-label={children === undefined ? label : undefined}
        disabled={!stop && !context.canSend}
        data-disabled={stop || context.canSend ? undefined : ''}
        {...props}
        onClick={composeEventHandlers(onClick, (event: React.MouseEvent<HTMLButtonElement>) => {
          if (!stop) return;
          event.preventDefault();
          stop();
        })}
      >
        {children ?? (stop ? <StopIcon /> : <ArrowUpIcon />)}
      </Component>
    </IconTooltip>
  );
}

/**
 * A Stop button of its own, for layouts that place Stop away from the draft (`Composer.Send`
 * already turns into Stop). Rendered only while a reply is in flight; returns focus to the draft.
 */
export function ComposerStop({ asChild, children, onClick, ...props }: ComposerButtonProps) {
  const context = useComposerContext('Composer.Stop');
  if (!context.busy || !context.stop) return null;
  const stop = context.stop;
  const Component = asChild ? Slot.Root : 'button';
  return (
    <IconTooltip label="Stop">
      <Component
        type="button"
        data-slot="composer-stop"
        aria-label={children === undefined ? 'Stop' : undefined}
        {...props}
        onClick={composeEventHandlers(onClick, stop)}
      >
        {children ?? <StopIcon />}
      </Component>
    </IconTooltip>
  );
}

/* -------------------------------------------------------------------------------------------------
 * AttachButton, Record, RecordingTime, Notice
 * -----------------------------------------------------------------------------------------------*/

/** Opens the file picker, limited to the kinds the model takes. Absent when it takes text only. */
export function ComposerAttachButton({ asChild, children, onClick, ...props }: ComposerButtonProps) {
  const context = useComposerContext('Composer.AttachButton');
  if (context.kinds.length === 0) return null;
  const Component = asChild ? Slot.Root : 'button';
  return (
    <IconTooltip label="Attach">
      <Component
        type="button"
        data-slot="composer-attach"
        aria-label={children === undefined ? 'Attach' : undefined}
        disabled={context.disabled}
        {...props}
        onClick={composeEventHandlers(onClick, context.openFilePicker)}
      >
        {children ?? <AttachIcon />}
      </Component>
    </IconTooltip>
  );
}

/**
 * Starts and stops an audio recording, which becomes an attachment. Absent where the browser cannot
 * record or the model takes no audio.
 */
export function ComposerRecord({ asChild, children, onClick, ...props }: ComposerButtonProps) {
  const context = useComposerContext('Composer.Record');
  const { recorder } = context;
  if (!recorder.supported || !context.kinds.includes('audio')) return null;
  const recording = recorder.state === 'recording';
  const label = recording ? 'Stop recording' : 'Record';
  const Component = asChild ? Slot.Root : 'button';
  return (
    <IconTooltip label={label}>
      <Component
        type="button"
        data-slot="composer-record"
        data-state={recorder.state}
        aria-label={children === undefined ? label : undefined}
        disabled={context.disabled || recorder.state === 'starting'}
        {...props}
        onClick={composeEventHandlers(onClick, recording ? recorder.stop : recorder.start)}
      >
        {children ?? (recording ? <StopIcon /> : <MicIcon />)}
      </Component>
    </IconTooltip>
  );
}

/** The elapsed time of the recording in progress ("0:07"). Rendered only while recording. */
export function ComposerRecordingTime(props: React.ComponentProps<'span'>) {
  const { recorder } = useComposerContext('Composer.RecordingTime');
  if (recorder.state !== 'recording') return null;
  return (
    <span data-slot="composer-recording-time" role="timer" aria-label="Recording time" {...props}>
      {formatElapsed(recorder.elapsedMs)}
    </span>
  );
}

/**
 * Why a file was refused or recording failed. Always in the DOM, so screen readers announce the
 * text when it appears.
 */
export function ComposerNotice(props: React.ComponentProps<'p'>) {
  const context = useComposerContext('Composer.Notice');
  return (
    <p
      id={context.noticeId}
      data-slot="composer-notice"
      data-state={context.notice ? 'visible' : 'empty'}
      role="status"
      {...props}
    >
      {context.notice}
    </p>
  );
}
