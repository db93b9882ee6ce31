export type {
  StructuredOutputIssuesProps,
  StructuredOutputRootProps,
  StructuredOutputTreeProps,
} from './structured-output.tsx';
export {
  StructuredOutputIssues as Issues,
  StructuredOutputRoot as Root,
  StructuredOutputTree as Tree,
} from './structured-output.tsx';
