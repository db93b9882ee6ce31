export type {
  UsageMeterContextWindowProps,
  UsageMeterCostProps,
  UsageMeterRootProps,
  UsageMeterTokensProps,
} from './usage-meter.tsx';
export {
  UsageMeterContextWindow as ContextWindow,
  UsageMeterCost as Cost,
  UsageMeterRoot as Root,
  UsageMeterTokens as Tokens,
} from './usage-meter.tsx';
