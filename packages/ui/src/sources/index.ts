export type { Source } from './cite-sources.ts';
export type { SourcesItemProps, SourcesListProps, SourcesMarkerProps, SourcesRootProps } from './sources.tsx';
export {
  SourcesItem as Item,
  SourcesList as List,
  SourcesMarker as Marker,
  SourcesRoot as Root,
} from './sources.tsx';
