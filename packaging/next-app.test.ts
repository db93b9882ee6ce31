import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { type ConsumerApp, createConsumerApp, type Server } from './consumer.ts';
import { readmeFiles, readmeSection } from './readme.ts';

/** A port nobody listens on right now (`next start` prints no usable URL for port 0). */
function freePort(): Promise<number> {
  return new Promise((found, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? found(address.port) : fail(new Error('no port')),
      );
    });
  });
}

describe('a Next.js 16 App Router app installed from the tarballs', () => {
  let app: ConsumerApp;
  let simulator: Server | undefined;
  let next: Server | undefined;
  let origin = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    app = await createConsumerApp(join(import.meta.dirname, 'next-app'), inject('tarballs'));
    const files = readmeFiles(readmeSection('Next.js (App Router)', 3));
    expect(Object.keys(files), 'the README shows the page and its client component').toEqual(
      expect.arrayContaining(['app/page.tsx']),
    );
    for (const [path, text] of Object.entries(files)) writeFileSync(join(app.dir, path), text);
    // The simulator first: the page reads its URL when Next.js prerenders it at build time.
    simulator = await app.start(
      'pnpm',
      ['exec', 'parley-simulator', '--port', '0', '--token-delay', '5'],
      /Base URL: (\S+)/,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await next?.stop();
    await simulator?.stop();
    app?.remove();
  });

  it('builds with next build', async () => {
    const output = await app.exec('pnpm', ['exec', 'next', 'build'], {
      NEXT_TELEMETRY_DISABLED: '1',
      PARLEY_BASE_URL: simulator?.match[1] ?? '',
    });
    expect(output).toMatch(/Compiled successfully|Generating static pages/);
  });

  it('server-renders the page with the chat, without touching window', async () => {
    const port = await freePort();
    next = await app.start(
      'pnpm',
      ['exec', 'next', 'start', '-H', '127.0.0.1', '-p', String(port)],
      /Ready in/,
      {
        NEXT_TELEMETRY_DISABLED: '1',
        PARLEY_BASE_URL: simulator?.match[1] ?? '',
      },
    );
    origin = `http://127.0.0.1:${port}`;
    const response = await fetch(origin);
    const html = await response.text();
    expect(response.status).toBe(200);
    // The composer is in the server's HTML: the Chat rendered on the server, not only after hydration.
    expect(html).toMatch(/<textarea[^>]*aria-label="Message"/);
    expect(next.output()).not.toMatch(/window is not defined|document is not defined|Error/);
  });

  it('loads both client entries in the edge runtime and streams there', async () => {
    const response = await fetch(`${origin}/api/edge`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      text: expect.stringContaining('Hello from the edge'),
      status: 'idle',
    });
  });

  it('streams a reply in Chromium from parley-simulator started with the installed bin', async () => {
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The highlighter's Web Worker, which Next.js must emit from the published dist (highlight.js starts it).
    const workers: Worker[] = [];
    page.on('worker', (worker) => workers.push(worker));
    await page.goto(origin);
    // "markdown" makes parley/echo answer with a sample that has a TypeScript code block.
    await page.getByRole('textbox', { name: 'Message' }).fill('Hello from Next.js, in markdown');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => page.getByRole('log').textContent(), { timeout: 15_000 })
      .toMatch(/Hello from Next\.js[\s\S]*Hello from Next\.js/);
    const code = page.locator('[data-slot="code-block"]');
    await expect.poll(() => code.getAttribute('data-state'), { timeout: 15_000 }).toBe('highlighted');
    // Its script loaded and listens (had it failed, the page would have highlighted on its own).
    expect(workers).toHaveLength(1);
    expect(await workers[0]?.evaluate(() => typeof self.onmessage)).toBe('function');
    expect(errors).toEqual([]);
  });
});
