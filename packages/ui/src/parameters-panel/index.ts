export type { ParametersPanelRootProps } from './parameters-panel.tsx';
export {
  ParametersPanelOutput as Output,
  ParametersPanelReasoning as Reasoning,
  ParametersPanelRoot as Root,
  ParametersPanelRouting as Routing,
  ParametersPanelSampling as Sampling,
  ParametersPanelTools as Tools,
} from './parameters-panel.tsx';
export { ParametersPanelPlugins as Plugins } from './plugins.tsx';
export type { ParametersPanelPresetsProps } from './presets.tsx';
export { ParametersPanelPresets as Presets } from './presets.tsx';
export { ParametersPanelResponseFormat as ResponseFormat } from './response-format.tsx';
