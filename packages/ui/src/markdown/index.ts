export type { CodeBlockProps } from './code-block.tsx';
export { CodeBlock } from './code-block.tsx';
export type { CopyButtonProps, CopyState } from './copy-button.tsx';
export { CopyButton } from './copy-button.tsx';
export type { MarkdownComponents, MarkdownProps, MarkdownTag } from './markdown.tsx';
export { Markdown as Root } from './markdown.tsx';
