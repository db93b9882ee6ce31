export type { RefusalRootProps } from './refusal.tsx';
export { RefusalRoot as Root } from './refusal.tsx';
