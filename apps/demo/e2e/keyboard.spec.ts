import { expect, type Page, test } from '@playwright/test';
import { settled } from './app.ts';
import { simulator } from './simulator.ts';

test.beforeEach(async ({ request }) => {
  await simulator(request).reset();
});

/** Presses Tab (or Shift+Tab) until the focused control is named `name`, as a keyboard user would. */
async function tabTo(page: Page, name: string, backwards = false) {
  for (let step = 0; step < 60; step++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
    );
    if (focused.trim() === name) return;
  }
  throw new Error(`No control named ${name} within 60 ${backwards ? 'Shift+Tab' : 'Tab'} presses`);
}

test('the main flow with the keyboard only: send, stop, regenerate, new chat, settings', async ({
  page,
  request,
}) => {
  // The first reply pauses after four tokens, so it can be stopped mid-stream; later ones run through.
  // A hold id of its own: a release another test sent after its stream had gone stays as a credit.
  await simulator(request).scenario(`hold;after=4;times=1;id=keyboard-${Date.now()}`);
  await page.goto('/');

  await page.keyboard.press('Shift+Escape');
  const box = page.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeFocused();
  await page.keyboard.type('Tell me about tide pools');
  await page.keyboard.press('Enter');
  const reply = page.getByRole('article', { name: 'Assistant message' });
  await expect(reply.locator('[data-slot="message-content"]')).toContainText(/\w+/);
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await page.keyboard.press('Escape');
  await settled(page);
  await expect(reply.locator('[data-slot="message-content"]')).toContainText(/\w+/);

  // Back from the message box (its shortcut) to the reply's Regenerate.
  await page.keyboard.press('Shift+Escape');
  await expect(box).toBeFocused();
  await tabTo(page, 'Regenerate', true);
  await page.keyboard.press('Enter');
  await settled(page);
  await expect(page.getByRole('group', { name: 'Versions' })).toContainText('2 / 2');
  expect(await simulator(request).requests()).toHaveLength(2);

  // Settings from the header's menu: Tab to More, Enter opens it on its first item.
  await tabTo(page, 'More');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  // It opens on its sections: the arrow keys choose one, Tab goes into it.
  await expect(settings.getByRole('tab', { name: 'Parameters' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(settings.getByRole('tab', { name: 'Output' })).toBeFocused();
  await expect(settings.getByRole('tabpanel', { name: 'Output' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(settings.getByRole('tabpanel', { name: 'Output' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(settings.getByLabel('Stop sequences (one per line)')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // The shortcuts: help, then a new chat, with the message box ready.
  await page.keyboard.press('Control+/');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+O');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New chat');
  await expect(page.getByRole('article')).toHaveCount(0);
  await page.keyboard.press('Shift+Escape');
  await expect(box).toBeFocused();
});
