import { useControllableState } from 'radix-ui/internal';
import type { ComposerAttachment } from './attachment-files.ts';

/** The draft a composer holds, each half controlled or not. */
export interface ComposerDraftProps {
  /** The draft text (controlled). */
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  /** The files waiting to be sent (controlled). */
  attachments?: ComposerAttachment[];
  defaultAttachments?: ComposerAttachment[];
  onAttachmentsChange?: (attachments: ComposerAttachment[]) => void;
}

// One stable empty list, so an uncontrolled composer's default does not change on every render.
const NO_ATTACHMENTS: ComposerAttachment[] = [];

/**
 * The draft's text and files for `Composer.Root` and `ChatComposer`, each owned by the caller or
 * kept here; `caller` names the component in Radix's controlled/uncontrolled warning.
 */
export function useComposerDraft(props: ComposerDraftProps, caller: string) {
  const [value, setValue] = useControllableState({
    prop: props.value,
    defaultProp: props.defaultValue ?? '',
    onChange: props.onValueChange,
    caller,
  });
  const [attachments, setAttachments] = useControllableState({
    prop: props.attachments,
    defaultProp: props.defaultAttachments ?? NO_ATTACHMENTS,
    onChange: props.onAttachmentsChange,
    caller,
  });
  return { value, setValue, attachments, setAttachments };
}
