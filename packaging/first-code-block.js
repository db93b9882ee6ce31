// What a page loads when its first code block appears, and only then (see highlight.ts in @parley/ui):
// shiki's core, its JavaScript regex engine, the two themes, and the one grammar the block asks for.

export { default as typescript } from '@shikijs/langs/typescript';
export { default as dark } from '@shikijs/themes/github-dark-default';
export { default as light } from '@shikijs/themes/github-light-default';
export { createHighlighterCore } from 'shiki/core';
export { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
