export type {
  ReasoningPanelContentProps,
  ReasoningPanelRootProps,
  ReasoningPanelTriggerProps,
} from './reasoning-panel.tsx';
export {
  ReasoningPanelContent as Content,
  ReasoningPanelRoot as Root,
  ReasoningPanelTrigger as Trigger,
} from './reasoning-panel.tsx';
