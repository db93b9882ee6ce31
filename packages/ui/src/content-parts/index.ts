export { AudioPart as Audio } from './audio-part.tsx';
export type { ContentPartComponents, ContentPartProps } from './content-part-types.ts';
export type { ContentPartsProps } from './content-parts.tsx';
export { ContentParts as Root } from './content-parts.tsx';
export type { GatedImageProps } from './gated-image.tsx';
export { GatedImage } from './gated-image.tsx';
export { ImagePart as Image } from './image-part.tsx';
export { TextPart as Text } from './text-part.tsx';
export { VideoPart as Video } from './video-part.tsx';
