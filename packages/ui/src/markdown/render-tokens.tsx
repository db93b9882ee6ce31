/** @jsxImportSource ../jsx */
import * as React from 'react';
import { safeUrl } from '../safe-url.ts';
import type { MarkdownToken } from './parse-markdown.ts';

/** The elements markdown renders to; each can be replaced through `components`. */
export type MarkdownTag =
  | 'a'
  | 'blockquote'
  | 'br'
  | 'code'
  | 'del'
  | 'em'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'hr'
  | 'img'
  | 'input'
  | 'li'
  | 'ol'
  | 'p'
  | 'pre'
  | 'strong'
  | 'table'
  | 'tbody'
  | 'td'
  | 'th'
  | 'thead'
  | 'tr'
  | 'ul';

/**
 * Element renderers by tag name. Each receives the element's props (`href`, `src`, `alt`,
 * `children`, ...) already made safe: an unsafe link arrives without `href`. A code fence goes to
 * `pre` with a `code` child whose `className` is `language-<info>`.
 */
export type MarkdownComponents = { [Tag in MarkdownTag]?: React.ComponentType<React.ComponentProps<Tag>> };

type Props = Record<string, unknown>;

// markdown-it's tag names where they differ from the element we render.
const TAGS: Record<string, MarkdownTag> = { s: 'del' };
const TASK = /^\[([ xX])\](?: |$)/;

const VOID = new Set(['br', 'hr', 'img', 'input']);

// `siblings` is the list the element joins: its position there is its key (content only grows at
// the end while streaming). Children go in as one array, never spread into arguments: a paragraph
// of a hundred thousand tokens would exceed the engine's argument limit.
function append(
  siblings: React.ReactNode[],
  tag: string,
  props: Props,
  children: React.ReactNode[],
  components: MarkdownComponents,
) {
  const name = TAGS[tag] ?? tag;
  const type = (components as Record<string, React.ElementType | undefined>)[name] ?? name;
  const content = VOID.has(name) ? undefined : children.length === 1 ? children[0] : children;
  siblings.push(React.createElement(type, { ...props, key: siblings.length }, content));
}

function appendAll(siblings: React.ReactNode[], nodes: React.ReactNode[]) {
  for (const node of nodes) siblings.push(node);
}

function attributes(token: MarkdownToken): Props {
  const props: Props = {};
  for (const [name, raw] of token.attrs ?? []) {
    const value = String(raw);
    // Tables align cells with `style="text-align:right"`; React wants an object.
    if (name === 'style') props.style = { textAlign: value.slice(value.indexOf(':') + 1) };
    else if (name === 'start') props.start = Number(value);
    // Every URL from the text goes through safeUrl before any renderer, a user's included, sees it.
    else if (name === 'href') props.href = safeUrl(value, 'link');
    else if (name === 'src') props.src = safeUrl(value, 'image');
    else if (name === 'title') props.title = value;
  }
  return props;
}

function textOf(tokens: MarkdownToken[] | null): string {
  return (tokens ?? []).map((token) => (token.children ? textOf(token.children) : token.content)).join('');
}

interface Frame {
  token: MarkdownToken | undefined;
  children: React.ReactNode[];
}

/**
 * Turns a flat token list into React elements with a stack instead of recursion, so the depth of
 * the input never reaches the depth of the JavaScript stack. Only text and these tags come out:
 * raw HTML is never produced by the parser (it is configured without it).
 */
export function renderTokens(
  tokens: MarkdownToken[],
  components: MarkdownComponents,
  renderFence: (code: string, language: string) => React.ReactNode,
): React.ReactNode[] {
  const root: Frame = { token: undefined, children: [] };
  const stack: Frame[] = [root];
  let taskItem = false;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as MarkdownToken;
    const top = stack[stack.length - 1] as Frame;
    if (token.nesting === 1) {
      if (token.type === 'list_item_open') {
        const inline = tokens[index + 2];
        taskItem = inline?.type === 'inline' && TASK.test(inline.content);
      }
      stack.push({ token, children: [] });
    } else if (token.nesting === -1) {
      const frame = stack.pop() as Frame;
      const open = frame.token;
      const parent = stack[stack.length - 1] as Frame;
      // Tight lists hide their paragraphs: the text goes straight into the item.
      if (!open || open.hidden) appendAll(parent.children, frame.children);
      else append(parent.children, open.tag, attributes(open), frame.children, components);
    } else if (token.type === 'inline') {
      appendAll(top.children, renderInline(token.children ?? [], components, taskItem));
      taskItem = false;
    } else if (token.type === 'fence' || token.type === 'code_block') {
      const language = token.info.trim().split(/\s/, 1)[0] ?? '';
      const code = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
      top.children.push(
        <React.Fragment key={top.children.length}>{renderFence(code, language)}</React.Fragment>,
      );
    } else if (token.type === 'hr') {
      append(top.children, 'hr', {}, [], components);
    }
  }
  // An unclosed frame cannot happen with markdown-it's output; should it, keep its text.
  while (stack.length > 1) {
    const frame = stack.pop() as Frame;
    appendAll((stack[stack.length - 1] as Frame).children, frame.children);
  }
  return root.children;
}

function renderInline(tokens: MarkdownToken[], components: MarkdownComponents, taskItem: boolean) {
  const root: Frame = { token: undefined, children: [] };
  const stack: Frame[] = [root];
  for (const [index, token] of tokens.entries()) {
    const top = stack[stack.length - 1] as Frame;
    if (token.nesting === 1) {
      stack.push({ token, children: [] });
    } else if (token.nesting === -1) {
      const frame = stack.pop() as Frame;
      const open = frame.token as MarkdownToken;
      append(
        (stack[stack.length - 1] as Frame).children,
        open.tag,
        attributes(open),
        frame.children,
        components,
      );
    } else if (token.type === 'text' || token.type === 'text_special') {
      const match = index === 0 && taskItem ? TASK.exec(token.content) : null;
      if (match) {
        const checked = match[1] !== ' ';
        append(top.children, 'input', { type: 'checkbox', checked, readOnly: true }, [], components);
        top.children.push(token.content.slice(match[0].length));
      } else {
        top.children.push(token.content);
      }
    } else if (token.type === 'softbreak') {
      top.children.push('\n');
    } else if (token.type === 'hardbreak') {
      append(top.children, 'br', {}, [], components);
    } else if (token.type === 'code_inline') {
      append(top.children, 'code', {}, [token.content], components);
    } else if (token.type === 'image') {
      append(top.children, 'img', { ...attributes(token), alt: textOf(token.children) }, [], components);
    }
  }
  while (stack.length > 1) {
    const frame = stack.pop() as Frame;
    appendAll((stack[stack.length - 1] as Frame).children, frame.children);
  }
  return root.children;
}
