export { ModelPickerChain as Chain, ModelPickerChain } from './model-chain.tsx';
export {
  ModelPickerContent as Content,
  ModelPickerContent,
  ModelPickerFilters as Filters,
  ModelPickerFilters,
  ModelPickerRoot as Root,
  ModelPickerRoot,
  ModelPickerSearch as Search,
  ModelPickerSearch,
  ModelPickerTrigger as Trigger,
  ModelPickerTrigger,
  ModelPickerVariant as Variant,
  ModelPickerVariant,
} from './model-picker.tsx';
export {
  ModelPickerList as List,
  ModelPickerList,
  ModelPickerOption as Option,
  ModelPickerOption,
} from './model-picker-list.tsx';
