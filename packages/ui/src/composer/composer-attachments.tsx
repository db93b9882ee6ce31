/** @jsxImportSource ../jsx */
'use client';
import { Slot } from 'radix-ui';
import { composeEventHandlers } from 'radix-ui/internal';
import * as React from 'react';
import { CloseIcon } from '../icons.tsx';
import { safeUrl } from '../safe-url.ts';
import type { ComposerAttachment } from './attachment-files.ts';
import { AttachmentContext, useAttachmentContext, useComposerContext } from './composer-context.ts';

/**
 * A `blob:` URL for a local file, made when the preview mounts and revoked when it unmounts, so
 * removing an attachment frees its memory.
 */
function useObjectUrl(file: Blob): string | undefined {
  const [url, setUrl] = React.useState<string>();
  React.useEffect(() => {
    const created = URL.createObjectURL(file);
    setUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setUrl(undefined);
    };
  }, [file]);
  return url;
}

/* -------------------------------------------------------------------------------------------------
 * Attachments
 * -----------------------------------------------------------------------------------------------*/

export interface ComposerAttachmentsProps extends Omit<React.ComponentProps<'ul'>, 'children'> {
  /** Renders one attachment; a `Composer.Attachment` with preview, name and remove button by default. */
  children?: ((attachment: ComposerAttachment) => React.ReactNode) | undefined;
}

/** The list of files waiting to be sent. Rendered only when there are some. */
export function ComposerAttachments({ children, ...props }: ComposerAttachmentsProps) {
  const { attachments } = useComposerContext('Composer.Attachments');
  if (attachments.length === 0) return null;
  return (
    <ul data-slot="composer-attachments" aria-label="Attachments" {...props}>
      {attachments.map((attachment) =>
        children ? (
          <React.Fragment key={attachment.id}>{children(attachment)}</React.Fragment>
        ) : (
          <ComposerAttachmentItem key={attachment.id} attachment={attachment} />
        ),
      )}
    </ul>
  );
}

export interface ComposerAttachmentItemProps extends React.ComponentProps<'li'> {
  attachment: ComposerAttachment;
}

/** One waiting file; without children, its preview, its name (players only) and a remove button. */
export function ComposerAttachmentItem({ attachment, children, ...props }: ComposerAttachmentItemProps) {
  return (
    <AttachmentContext.Provider value={attachment}>
      <li
        data-slot="composer-attachment"
        data-kind={attachment.kind}
        data-origin={attachment.origin}
        {...props}
      >
        {children ?? (
          <>
            <ComposerAttachmentPreview />
            {/* An image names itself (its alt) and shows itself; a player needs its name beside it. */}
            {attachment.kind === 'image' ? null : <ComposerAttachmentName />}
            <ComposerAttachmentRemove />
          </>
        )}
      </li>
    </AttachmentContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Preview, Name, Remove
 * -----------------------------------------------------------------------------------------------*/

export type ComposerAttachmentPreviewProps = React.ComponentProps<'img'> &
  React.ComponentProps<'audio'> &
  React.ComponentProps<'video'>;

/** The file itself, as the element its kind calls for: an image, an audio player or a video player. */
export function ComposerAttachmentPreview(props: ComposerAttachmentPreviewProps) {
  const attachment = useAttachmentContext('Composer.AttachmentPreview');
  const url = safeUrl(useObjectUrl(attachment.file), attachment.kind);
  const name = attachment.file.name || attachment.kind;
  const shared = { 'data-slot': 'composer-attachment-preview', 'data-kind': attachment.kind };
  // Until the URL exists there is nothing to show; an empty src would request the page itself.
  if (url === undefined) return <span {...shared} data-state="loading" />;
  switch (attachment.kind) {
    case 'image':
      return <img {...shared} alt={name} {...(props as React.ComponentProps<'img'>)} src={url} />;
    case 'audio':
      return (
        <audio
          {...shared}
          controls
          preload="metadata"
          aria-label={name}
          {...(props as React.ComponentProps<'audio'>)}
          src={url}
        />
      );
    case 'video':
      return (
        <video
          {...shared}
          controls
          muted
          preload="metadata"
          aria-label={name}
          {...(props as React.ComponentProps<'video'>)}
          src={url}
        />
      );
  }
}

/** The file's name. */
export function ComposerAttachmentName(props: React.ComponentProps<'span'>) {
  const attachment = useAttachmentContext('Composer.AttachmentName');
  return (
    <span data-slot="composer-attachment-name" {...props}>
      {attachment.file.name || attachment.kind}
    </span>
  );
}

export interface ComposerAttachmentRemoveProps extends React.ComponentProps<'button'> {
  asChild?: boolean | undefined;
}

/** Removes the file from the draft (and frees its preview), then returns focus to the draft. */
export function ComposerAttachmentRemove({
  asChild,
  children,
  onClick,
  ...props
}: ComposerAttachmentRemoveProps) {
  const context = useComposerContext('Composer.AttachmentRemove');
  const attachment = useAttachmentContext('Composer.AttachmentRemove');
  const Component = asChild ? Slot.Root : 'button';
  return (
    <Component
      type="button"
      data-slot="composer-attachment-remove"
      aria-label={`Remove ${attachment.file.name || attachment.kind}`}
      {...props}
      onClick={composeEventHandlers(onClick, () => context.removeAttachment(attachment.id))}
    >
      {children ?? <CloseIcon />}
    </Component>
  );
}
