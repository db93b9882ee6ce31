import { generateEcho } from './echo.ts';
import type { GenerationContext, Turn } from './turn.ts';

export function generateToolCaller(context: GenerationContext): Turn {
  return generateEcho(context);
}
