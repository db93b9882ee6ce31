/** @jsxImportSource ../jsx */
'use client';
/**
 * StorageNotice: what of the conversation is not saved, and what the person can do about it. The
 * chat keeps everything in memory when storage refuses it (a full quota, blocked storage, a server
 * error) or when the conversation was deleted elsewhere; without this notice, closing the tab
 * would lose it silently.
 */
import type { ThreadSaveError } from '@parley/client/chat';
import { Slot } from 'radix-ui';
import { composeEventHandlers } from 'radix-ui/internal';
import * as React from 'react';

/** What a notice says for each kind of refusal. */
export interface StorageNoticeText {
  title: string;
  description: string;
}

const TEXT: Record<ThreadSaveError['kind'], StorageNoticeText> = {
  quota: {
    title: 'Not saved: storage is full',
    description:
      'Your latest changes to this conversation are kept in this tab only and are lost when it closes. Free some space (delete old conversations) and retry, or export the conversation to a file.',
  },
  storage: {
    title: 'Not saved',
    description:
      'The browser did not store your latest changes to this conversation (storage may be blocked or unavailable). They are kept in this tab only until a save succeeds; retry, or export the conversation to a file.',
  },
  deleted: {
    title: 'This conversation was deleted',
    description:
      'It was deleted (perhaps in another tab or window), so nothing you add here is saved. Save it again to keep it, or export it to a file.',
  },
};

const SAVED: StorageNoticeText = {
  title: 'Saved',
  description: 'This conversation is stored again.',
};

/** What the notice shows: the refusal, or the confirmation once a later save succeeded. */
type Shown = { state: 'unsaved'; error: ThreadSaveError } | { state: 'saved' };

interface StorageNoticeContextValue {
  shown: Shown;
  text: StorageNoticeText;
  retry: (() => void) | undefined;
  restore: (() => void) | undefined;
  exportFile: (() => void) | undefined;
  dismiss: () => void;
}

const StorageNoticeContext = React.createContext<StorageNoticeContextValue | null>(null);

function useStorageNoticeContext(part: string): StorageNoticeContextValue {
  const context = React.useContext(StorageNoticeContext);
  if (!context) throw new Error(`<${part}> must be used inside <StorageNotice.Root>.`);
  return context;
}

/**
 * The refusal to show, or "saved" right after one was cleared (so that recovering is said too);
 * a dismissed notice stays hidden until the refusal changes kind.
 */
function useShown(unsaved: ThreadSaveError | undefined): [Shown | undefined, () => void] {
  const [recovered, setRecovered] = React.useState(false);
  const [dismissed, setDismissed] = React.useState<string | undefined>(undefined);
  const previous = React.useRef(unsaved);
  React.useEffect(() => {
    if (previous.current && !unsaved) setRecovered(true);
    if (unsaved) setRecovered(false);
    if (unsaved?.kind !== previous.current?.kind) setDismissed(undefined);
    previous.current = unsaved;
  }, [unsaved]);
  const key = unsaved ? unsaved.kind : recovered ? 'saved' : undefined;
  const dismiss = () => setDismissed(key);
  if (key === undefined || key === dismissed) return [undefined, dismiss];
  return [unsaved ? { state: 'unsaved', error: unsaved } : { state: 'saved' }, dismiss];
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface StorageNoticeRootProps extends Omit<React.ComponentProps<'div'>, 'children'> {
  /**
   * Why the conversation's latest change was not saved (`ChatState.storage.unsaved`, or
   * `useThread(id).unsaved`). Nothing renders without it, except a short "Saved" once it clears.
   */
  unsaved?: ThreadSaveError | undefined;
  /** Offered as "Retry saving" when storage refused (`quota`, `storage`): save again now. */
  onRetry?: (() => void) | undefined;
  /** Offered as "Save it again" when the conversation was deleted: bring it back and save it. */
  onRestore?: (() => void) | undefined;
  /** Offered as "Export to file": keep the conversation outside the browser's storage. */
  onExport?: (() => void) | undefined;
  /** Called when the person dismisses the notice; it stays hidden until the trouble changes. */
  onDismiss?: (() => void) | undefined;
  /** The parts; the default layout (title, description, detail, actions) when absent. */
  children?: React.ReactNode | undefined;
}

/**
 * Says that the conversation (or its latest changes) is not saved and why, with the actions that
 * fit: Retry saving, Save it again (deleted), Export to file, Dismiss. It is announced when it
 * appears (`role="alert"`), and "Saved" is announced politely once a later save succeeds.
 *
 * @example
 * <StorageNotice.Root unsaved={state.storage?.unsaved} onRetry={() => chat.save()} onExport={download} />
 */
export function StorageNoticeRoot({
  unsaved,
  onRetry,
  onRestore,
  onExport,
  onDismiss,
  children,
  ...props
}: StorageNoticeRootProps) {
  const [shown, dismiss] = useShown(unsaved);
  if (!shown) return null;
  const kind = shown.state === 'unsaved' ? shown.error.kind : undefined;
  const context: StorageNoticeContextValue = {
    shown,
    text: kind ? TEXT[kind] : SAVED,
    retry: kind === 'quota' || kind === 'storage' ? onRetry : undefined,
    restore: kind === 'deleted' ? onRestore : undefined,
    exportFile: kind ? onExport : undefined,
    dismiss: () => {
      dismiss();
      onDismiss?.();
    },
  };
  return (
    <StorageNoticeContext.Provider value={context}>
      <div
        data-slot="storage-notice"
        data-state={shown.state}
        data-kind={kind}
        role={kind ? 'alert' : 'status'}
        {...props}
      >
        {children ?? (
          <>
            <StorageNoticeTitle />
            <StorageNoticeDescription />
            <StorageNoticeDetail />
            <StorageNoticeActions>
              <StorageNoticeRetry />
              <StorageNoticeRestore />
              <StorageNoticeExport />
              <StorageNoticeDismiss />
            </StorageNoticeActions>
          </>
        )}
      </div>
    </StorageNoticeContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Title, Description, Detail
 * -----------------------------------------------------------------------------------------------*/

/** What is not saved, in a few words. */
export function StorageNoticeTitle({ children, ...props }: React.ComponentProps<'p'>) {
  const { text } = useStorageNoticeContext('StorageNotice.Title');
  return (
    <p data-slot="storage-notice-title" {...props}>
      {children ?? text.title}
    </p>
  );
}

/** Where the conversation is kept meanwhile, and what to do. */
export function StorageNoticeDescription({ children, ...props }: React.ComponentProps<'p'>) {
  const { text } = useStorageNoticeContext('StorageNotice.Description');
  return (
    <p data-slot="storage-notice-description" {...props}>
      {children ?? text.description}
    </p>
  );
}

/** The storage's own words (a browser's or a server's message), as plain text, for a refusal. */
export function StorageNoticeDetail(props: React.ComponentProps<'p'>) {
  const { shown } = useStorageNoticeContext('StorageNotice.Detail');
  if (shown.state !== 'unsaved' || shown.error.kind === 'deleted' || !shown.error.message) return null;
  return (
    <p data-slot="storage-notice-detail" {...props}>
      {shown.error.message}
    </p>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Actions
 * -----------------------------------------------------------------------------------------------*/

/** The row of actions. */
export function StorageNoticeActions(props: React.ComponentProps<'div'>) {
  return <div data-slot="storage-notice-actions" {...props} />;
}

export interface StorageNoticeButtonProps extends React.ComponentProps<'button'> {
  /** Render the child element instead of a `<button>`, merging props onto it. */
  asChild?: boolean | undefined;
}

function ActionButton({
  action,
  slotName,
  asChild,
  onClick,
  ...props
}: StorageNoticeButtonProps & { action: (() => void) | undefined; slotName: string }) {
  if (!action) return null;
  const Component = asChild ? Slot.Root : 'button';
  return (
    <Component
      type="button"
      data-slot={slotName}
      {...props}
      onClick={composeEventHandlers(onClick, action)}
    />
  );
}

/** Saves again now. Rendered for a refused save when the root has `onRetry`. */
export function StorageNoticeRetry({ children = 'Retry saving', ...props }: StorageNoticeButtonProps) {
  const { retry } = useStorageNoticeContext('StorageNotice.Retry');
  return (
    <ActionButton action={retry} slotName="storage-notice-retry" {...props}>
      {children}
    </ActionButton>
  );
}

/** Brings a deleted conversation back and saves it. Rendered for `deleted` when the root has `onRestore`. */
export function StorageNoticeRestore({ children = 'Save it again', ...props }: StorageNoticeButtonProps) {
  const { restore } = useStorageNoticeContext('StorageNotice.Restore');
  return (
    <ActionButton action={restore} slotName="storage-notice-restore" {...props}>
      {children}
    </ActionButton>
  );
}

/** Exports the conversation to a file. Rendered while something is not saved, when the root has `onExport`. */
export function StorageNoticeExport({ children = 'Export to file', ...props }: StorageNoticeButtonProps) {
  const { exportFile } = useStorageNoticeContext('StorageNotice.Export');
  return (
    <ActionButton action={exportFile} slotName="storage-notice-export" {...props}>
      {children}
    </ActionButton>
  );
}

/** Hides the notice until the trouble changes. */
export function StorageNoticeDismiss({ children = 'Dismiss', ...props }: StorageNoticeButtonProps) {
  const { dismiss } = useStorageNoticeContext('StorageNotice.Dismiss');
  return (
    <ActionButton action={dismiss} slotName="storage-notice-dismiss" {...props}>
      {children}
    </ActionButton>
  );
}
