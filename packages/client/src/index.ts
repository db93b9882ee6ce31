export type * from './wire-types.ts';
