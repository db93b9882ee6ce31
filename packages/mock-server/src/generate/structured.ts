import { generateEcho } from './echo.ts';
import type { GenerationContext, Turn } from './turn.ts';

export function generateStructured(context: GenerationContext): Turn {
  return generateEcho(context);
}
