'use client';
import * as React from 'react';

/** Where the recorder state is. */
export type RecorderState = 'idle' | 'starting' | 'recording';

/** Gets the microphone stream; inject one to record from another source (a test tone, a chosen device). */
export type GetAudioStream = () => Promise<MediaStream>;

export interface UseAudioRecorderOptions {
  getStream?: GetAudioStream | undefined;
  onRecorded: (file: File) => void;
  onError: (message: string) => void;
}

// The clock shows whole seconds; four ticks a second keeps it from lagging a visible second behind.
const TICK_MS = 250;

const subscribeNever = () => () => {};

function browserCanRecord(getStream: GetAudioStream | undefined): boolean {
  if (typeof MediaRecorder === 'undefined') return false;
  return getStream !== undefined || typeof navigator.mediaDevices?.getUserMedia === 'function';
}

function defaultGetStream(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ audio: true });
}

function extensionOf(mimeType: string): string {
  const subtype = mimeType.split(';')[0]?.split('/')[1];
  return subtype === 'mpeg' ? 'mp3' : (subtype ?? 'webm');
}

function describeStartError(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'Microphone access was denied.';
  if (name === 'NotFoundError') return 'No microphone was found.';
  return 'Recording could not start.';
}

/**
 * Records audio with MediaRecorder. `supported` is false where the browser has no MediaRecorder
 * or no microphone API (and during server rendering), so callers can hide the control.
 */
export function useAudioRecorder({ getStream, onRecorded, onError }: UseAudioRecorderOptions) {
  const supported = React.useSyncExternalStore(
    subscribeNever,
    () => browserCanRecord(getStream),
    () => false,
  );
  const [state, setState] = React.useState<RecorderState>('idle');
  const [elapsedMs, setElapsedMs] = React.useState(0);
  const recorderRef = React.useRef<MediaRecorder | null>(null);
  const countRef = React.useRef(0);
  const callbacks = React.useRef({ onRecorded, onError });
  callbacks.current = { onRecorded, onError };

  React.useEffect(() => {
    if (state !== 'recording') return;
    const startedAt = performance.now();
    setElapsedMs(0);
    const timer = setInterval(() => setElapsedMs(performance.now() - startedAt), TICK_MS);
    return () => clearInterval(timer);
  }, [state]);

  // Unmounting mid-recording releases the microphone and drops the recording.
  React.useEffect(
    () => () => {
      const recorder = recorderRef.current;
      recorderRef.current = null;
      if (recorder && recorder.state !== 'inactive') {
        recorder.ondataavailable = null;
        recorder.onstop = null;
        recorder.stop();
      }
      for (const track of recorder?.stream.getTracks() ?? []) track.stop();
    },
    [],
  );

  const start = React.useCallback(async () => {
    if (recorderRef.current) return;
    setState('starting');
    let stream: MediaStream;
    try {
      stream = await (getStream ?? defaultGetStream)();
    } catch (error) {
      setState('idle');
      callbacks.current.onError(describeStartError(error));
      return;
    }
    const recorder = new MediaRecorder(stream);
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    recorder.onstop = () => {
      for (const track of stream.getTracks()) track.stop();
      recorderRef.current = null;
      setState('idle');
      const type = recorder.mimeType || chunks[0]?.type || 'audio/webm';
      countRef.current += 1;
      const name = `Recording ${countRef.current}.${extensionOf(type)}`;
      callbacks.current.onRecorded(new File(chunks, name, { type }));
    };
    recorderRef.current = recorder;
    recorder.start();
    setState('recording');
  }, [getStream]);

  const stop = React.useCallback(() => {
    const recorder = recorderRef.current;
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  }, []);

  return { supported, state, elapsedMs, start, stop };
}
