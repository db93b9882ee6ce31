export type { MessageBoundaryProps, PartBoundaryProps } from './render-boundary.tsx';
export { MessageBoundary as Message, PartBoundary as Part } from './render-boundary.tsx';
