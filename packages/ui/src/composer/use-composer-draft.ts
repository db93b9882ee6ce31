import { useControllableState } from 'radix-ui/internal';
import type { ComposerAttachment } from './attachment-files.ts';

/** The draft a composer holds, each half controlled or not. */
export interface ComposerDraftProps {
  /** The draft text (controlled). */
  value?: string | undefined;
  defaultValue?: string | undefined;
  onValueChange?: ((value: string) => void) | undefined;
  /** The files waiting to be sent (controlled). */
  attachments?: ComposerAttachment[] | undefined;
  defaultAttachments?: ComposerAttachment[] | undefined;
  onAttachmentsChange?: ((attachments: ComposerAttachment[]) => void) | undefined;
}

// One stable empty list, so an uncontrolled composer's default does not change on every render.
const NO_ATTACHMENTS: ComposerAttachment[] = [];

/**
 * The draft's text and files for `Composer.Root` and `ChatComposer`, each owned by the caller or
 * kept here, and the caller's other props (`rest`); `caller` names the component in Radix's
 * controlled/uncontrolled warning.
 */
export function useComposerDraft<TProps extends ComposerDraftProps>(props: TProps, caller: string) {
  const {
    value: valueProp,
    defaultValue = '',
    onValueChange,
    attachments: attachmentsProp,
    defaultAttachments = NO_ATTACHMENTS,
    onAttachmentsChange,
    ...rest
  } = props;
  const [value, setValue] = useControllableState({
    prop: valueProp,
    defaultProp: defaultValue,
    onChange: onValueChange,
    caller,
  });
  const [attachments, setAttachments] = useControllableState({
    prop: attachmentsProp,
    defaultProp: defaultAttachments,
    onChange: onAttachmentsChange,
    caller,
  });
  return { value, setValue, attachments, setAttachments, rest };
}
