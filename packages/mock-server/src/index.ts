export { SCENARIO_HEADER } from './chat/scenarios-for.ts';
export { receivedRequests, TAG_HEADER } from './control/received.ts';
export type { SimulatorOptions } from './options.ts';
export { SCENARIO_NAMES, type ScenarioName } from './scenarios/catalog.ts';
export { createSimulator, type Simulator } from './simulator.ts';
export { type SpecSchemaName, specJsonSchemas, specValidator } from './validation/spec-validator.ts';
