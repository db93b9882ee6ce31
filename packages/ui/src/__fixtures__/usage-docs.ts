/**
 * A component's docs page description: what it is for, then a usage example to copy. The example
 * is a real module beside the story (`<component>.usage.tsx`), typechecked with the package and
 * imported by usage-docs.test.ts, so what the page shows compiles against the current API.
 */
export function usageDescription(summary: string, code: string): { component: string } {
  return { component: `${summary}\n\n\`\`\`tsx\n${code.trim()}\n\`\`\`` };
}
