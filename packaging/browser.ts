import { type Browser, chromium } from 'playwright-core';
import { chromiumLaunch } from '../chromium-launch.ts';

/** Debian's Chromium with the flags the rest of the repository uses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunch, headless: true });
}
