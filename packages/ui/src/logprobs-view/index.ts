export type {
  LogprobsViewLeastConfidentProps,
  LogprobsViewRootProps,
  LogprobsViewTokensProps,
} from './logprobs-view.tsx';
export {
  LogprobsViewLeastConfident as LeastConfident,
  LogprobsViewRoot as Root,
  LogprobsViewTokens as Tokens,
} from './logprobs-view.tsx';
