import type { GeneratorKind } from '../models/catalog.ts';
import { generateEcho } from './echo.ts';
import { generateReasoner } from './reasoner.ts';
import { generateStructured } from './structured.ts';
import { generateToolCaller } from './tool-caller.ts';
import type { Generator } from './turn.ts';
import { generateVision } from './vision.ts';

export const GENERATORS: Record<GeneratorKind, Generator> = {
  echo: generateEcho,
  reasoner: generateReasoner,
  'tool-caller': generateToolCaller,
  vision: generateVision,
  structured: generateStructured,
};
