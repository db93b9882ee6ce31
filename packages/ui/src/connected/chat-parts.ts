export type { ChatRootProps } from './chat.tsx';
export { ChatRoot as Root } from './chat.tsx';
export type { ChatComposerProps } from './chat-composer.tsx';
export { ChatComposer as Composer } from './chat-composer.tsx';
export type { ChatErrorNoticeProps } from './chat-error-notice.tsx';
export { ChatErrorNotice as ErrorNotice } from './chat-error-notice.tsx';
export type { ChatMessagesActions, ChatMessagesProps } from './chat-messages.tsx';
export { ChatMessages as Messages } from './chat-messages.tsx';
export type {
  ChatModelPickerProps,
  ChatParametersPanelProps,
  ChatProviderPrefsProps,
} from './chat-model-settings.tsx';
export {
  ChatModelPicker as ModelPicker,
  ChatParametersPanel as ParametersPanel,
  ChatProviderPrefs as ProviderPrefs,
} from './chat-model-settings.tsx';
export type { ChatStorageNoticeProps } from './chat-storage-notice.tsx';
export { ChatStorageNotice as StorageNotice } from './chat-storage-notice.tsx';
export type { ChatUsageProps } from './chat-usage.tsx';
export { ChatUsage as Usage } from './chat-usage.tsx';
