export { ModelPickerChain as Chain } from './model-chain.tsx';
export type { ModelCapability, ModelVariant } from './model-facts.ts';
export type { ModelPickerRootProps, ModelPickerStatus } from './model-picker.tsx';
export {
  ModelPickerContent as Content,
  ModelPickerFilters as Filters,
  ModelPickerRoot as Root,
  ModelPickerSearch as Search,
  ModelPickerTrigger as Trigger,
  ModelPickerVariant as Variant,
} from './model-picker.tsx';
export type { ModelPickerOptionProps } from './model-picker-list.tsx';
export { ModelPickerList as List, ModelPickerOption as Option } from './model-picker-list.tsx';
