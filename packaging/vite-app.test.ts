import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { type ConsumerApp, createConsumerApp } from './consumer.ts';
import { readmeFiles, readmeSection, snippetModule, tsxBlocks } from './readme.ts';

const QUICK_START_URL = 'http://127.0.0.1:8787';

/**
 * Vite warns about every chunk over 500 kB (minified). No chunk of the app is: the largest shiki grammars
 * (C++, Emacs Lisp) come in parts from @parley/ui's own grammar table (shiki-grammars.ts).
 */
const CHUNK_LIMIT_BYTES = 500_000;

describe('a Vite + React 19 + TypeScript app installed from the tarballs', () => {
  let app: ConsumerApp;
  let browser: Browser | undefined;

  beforeAll(async () => {
    app = await createConsumerApp(join(import.meta.dirname, 'vite-app'), inject('tarballs'));
    for (const [path, text] of Object.entries(readmeFiles(readmeSection('Vite + React', 3)))) {
      writeFileSync(join(app.dir, path), text);
    }
    const [quickStart, oneTag] = tsxBlocks(readmeSection('Quick start'));
    expect(quickStart, 'the README quick start shows the hook').toContain('useChatCompletion');
    expect(oneTag, 'the README quick start shows the one-tag Chat').toContain('<Chat');
    writeFileSync(join(app.dir, 'src/readme-quick-start.tsx'), snippetModule(quickStart ?? ''));
    writeFileSync(join(app.dir, 'src/readme-one-tag.tsx'), snippetModule(oneTag ?? ''));
  });
  afterAll(async () => {
    await browser?.close();
    app?.remove();
  });

  it('type-checks with the stock strict tsconfig plus exactOptionalPropertyTypes', async () => {
    await app.exec('pnpm', ['exec', 'tsc', '--noEmit', '-p', 'tsconfig.app.json']);
    await app.exec('pnpm', ['exec', 'tsc', '--noEmit', '-p', 'tsconfig.node.json']);
  });

  it('builds with vite build and no warning', async () => {
    const output = await app.exec('pnpm', ['exec', 'vite', 'build']);
    expect(output).toContain('built in');
    const assets = join(app.dir, 'dist', 'assets');
    const large = readdirSync(assets).filter(
      (file) => file.endsWith('.js') && statSync(join(assets, file)).size > CHUNK_LIMIT_BYTES,
    );
    expect(large).toEqual([]);
    expect(output.split('\n').filter((line) => /warn|\(!\)/i.test(line))).toEqual([]);
    // Every grammar is there to be asked for, the parted ones too.
    const parts = readdirSync(assets).filter((file) => /^(cpp|emacs-lisp)\.\d+-[\w-]+\.js$/.test(file));
    expect(parts.filter((file) => file.startsWith('cpp.')).length).toBeGreaterThan(1);
    expect(parts.filter((file) => file.startsWith('emacs-lisp.')).length).toBeGreaterThan(1);
  });

  it("gives every language shiki bundles the grammars shiki's own table gives (grammars.mjs, in Node)", async () => {
    const output = await app.exec('node', ['grammars.mjs']);
    expect(JSON.parse(output)).toEqual({ languages: expect.any(Number), differ: [], extra: [] });
    expect(JSON.parse(output).languages).toBeGreaterThan(300);
  });

  it('in Chromium: a theme that leaves the page alone and follows the system; a saved conversation opens with its markdown; replies stream through the Vite plugin to the one-tag Chat, the README hook and a Web Worker', async () => {
    const preview = await app.start(
      'pnpm',
      ['exec', 'vite', 'preview', '--host', '127.0.0.1', '--port', '0'],
      /(http:\/\/127\.0\.0\.1:\d+)\//,
    );
    try {
      const origin = preview.match[1] ?? '';
      browser = await launchChromium();
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // The README's snippet talks to `npx parley-simulator` on 8787; here the plugin answers on the page's origin.
      await page.route(`${QUICK_START_URL}/**`, (route) =>
        route.continue({ url: route.request().url().replace(QUICK_START_URL, origin) }),
      );
      // The highlighter's Web Worker, which Vite must emit from the published dist (highlight.js starts it).
      const workers: Worker[] = [];
      page.on('worker', (worker) => workers.push(worker));
      await page.goto(origin);

      // The theme: nothing on the host page's root; Parley's own root follows the system unless told.
      const chatRoot = page.getByRole('region', { name: 'One-tag chat' }).locator('[data-slot="chat"]');
      const tokens = () =>
        page.evaluate(() => {
          const probe = (theme: string) => {
            const element = document.body.appendChild(document.createElement('div'));
            element.dataset.parleyTheme = theme;
            const value = getComputedStyle(element).getPropertyValue('--parley-surface');
            element.remove();
            return value;
          };
          const chat = document.querySelector('[aria-label="One-tag chat"] [data-slot="chat"]');
          return {
            html: getComputedStyle(document.documentElement).getPropertyValue('--parley-surface'),
            htmlScheme: getComputedStyle(document.documentElement).colorScheme,
            chat: chat ? getComputedStyle(chat).getPropertyValue('--parley-surface') : 'no chat',
            light: probe('light'),
            dark: probe('dark'),
          };
        });
      await chatRoot.waitFor();
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await tokens();
      expect(dark).toMatchObject({ html: '', htmlScheme: 'normal', chat: dark.dark });
      expect(dark.dark).not.toBe(dark.light);
      await page.emulateMedia({ colorScheme: 'light' });
      const light = await tokens();
      expect(light).toMatchObject({ html: '', htmlScheme: 'normal', chat: light.light });

      // The saved conversation, opened as the page loaded with preloadConversation(): its reply as markdown.
      const saved = page.getByRole('region', { name: 'Saved conversation' });
      await expect
        .poll(() => saved.getByRole('log').locator('strong').textContent(), { timeout: 15_000 })
        .toBe('monoid');
      expect(await saved.getByRole('log').textContent()).toContain('What is a monad?');

      const chat = page.getByRole('region', { name: 'One-tag chat' });
      // "markdown" makes parley/echo answer with a sample that has a TypeScript code block.
      await chat.getByRole('textbox', { name: 'Message' }).fill('Hello from the Vite app, in markdown');
      await chat.getByRole('button', { name: 'Send' }).click();
      await expect
        .poll(() => chat.getByRole('log').textContent(), { timeout: 15_000 })
        .toMatch(/Hello from the Vite app[\s\S]*Hello from the Vite app/);
      const code = chat.locator('[data-slot="code-block"]');
      await expect.poll(() => code.getAttribute('data-state'), { timeout: 15_000 }).toBe('highlighted');
      // Its script loaded and listens (had it failed, the page would have highlighted on its own).
      expect(workers).toHaveLength(1);
      expect(await workers[0]?.evaluate(() => typeof self.onmessage)).toBe('function');

      const quickStart = page.getByRole('region', { name: 'Quick start' });
      await quickStart.getByRole('textbox', { name: 'Message' }).fill('Hello from the README');
      await quickStart.getByRole('button', { name: 'Send' }).click();
      await expect
        .poll(() => quickStart.locator('p').last().textContent(), { timeout: 15_000 })
        .toMatch(/^assistant: .*Hello from the README/);

      const worker = page.getByRole('region', { name: 'Worker' });
      await worker.getByRole('button', { name: 'Stream in a worker' }).click();
      await expect
        .poll(() => worker.locator('output').textContent(), { timeout: 15_000 })
        .toMatch(/^function .*Hello from a worker/);
      expect(errors).toEqual([]);
    } finally {
      await preview.stop();
    }
  });
});
