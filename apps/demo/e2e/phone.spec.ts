import { expect, type Page, test } from '@playwright/test';
import { menu, send, settled } from './app.ts';
import { simulator } from './simulator.ts';

// A touch phone: no hover (`hover: none`), as on a real one, so what shows only on hover elsewhere shows here.
test.use({
  viewport: { width: 375, height: 740 },
  hasTouch: true,
  permissions: ['clipboard-read', 'clipboard-write'],
});

test.beforeEach(async ({ request }) => {
  await simulator(request).reset();
});

test('the phone drawer closes with its button and with Escape, giving focus back', async ({ page }) => {
  await page.goto('/');
  const drawer = page.getByRole('complementary', { name: 'Conversations' });
  const opener = page.getByRole('button', { name: 'Conversations', exact: true });
  await expect(drawer).toBeHidden();

  await opener.click();
  await expect(drawer).toBeVisible();
  await expect(opener).toHaveAttribute('aria-expanded', 'true');
  const close = drawer.getByRole('button', { name: 'Close conversations' });
  await expect(close).toBeFocused();
  await close.click();
  await expect(drawer).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(opener).toHaveAttribute('aria-expanded', 'false');

  // By keyboard: open, move to another control inside (a first visit lists no conversations, so
  // there is no search field yet), Escape closes from anywhere inside.
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: 'New chat' }).focus();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(opener).toBeFocused();
});

test('on a touch phone every message shows its actions without a hover, and a tap copies it', async ({
  page,
}) => {
  await page.goto('/');
  const first = await send(page, 'Tell me about tides.');
  await settled(page);
  await send(page, 'And about waves?');
  await settled(page);
  // The earlier reply, not the newest: on a screen with hover its actions stay faded until hovered.
  const copy = first.getByRole('button', { name: 'Copy message' });
  await copy.scrollIntoViewIfNeeded();
  await expect(copy).toHaveCSS('opacity', '1');
  await expect(first.getByRole('button', { name: 'Regenerate' })).toHaveCSS('opacity', '1');
  await copy.tap();
  await expect(first.getByRole('button', { name: 'Copied' })).toBeVisible();
  // That reply's text (the echo model repeats the question), not the newest one's.
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Tell me about tides.');
  expect(copied).not.toContain('waves');
});

/**
 * What reaches past the right edge of `selector` (nothing, on a screen that fits): the box's own
 * horizontal overflow, or a descendant whose right edge passes it, as `slot: pixels`. What sits in a
 * container that scrolls or clips sideways by design (a wide table) counts by that container's box.
 */
async function overflowing(page: Page, selector: string) {
  return page.locator(selector).evaluate((box) => {
    const right = box.getBoundingClientRect().right;
    const found: string[] = [];
    if (box.scrollWidth > box.clientWidth) found.push(`scrollWidth: ${box.scrollWidth - box.clientWidth}`);
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== box; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const element of box.querySelectorAll('*')) {
      const past = Math.round(element.getBoundingClientRect().right - right);
      if (past > 0 && !clipped(element)) {
        const name = element.getAttribute('data-slot') ?? element.getAttribute('aria-label') ?? '';
        found.push(`${element.tagName.toLowerCase()}[${name}]: ${past}`);
      }
    }
    return found;
  });
}

test('the provider preferences fit a phone screen, long provider names included', async ({ page }) => {
  await page.goto('/');
  await menu(page, 'Settings');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('tab', { name: 'Providers' }).click();
  const panel = settings.getByRole('tabpanel', { name: 'Providers' });
  await expect(panel).toBeVisible();
  // Provider slugs are one word: a long one must break inside its chip, not widen the form.
  const names = ['SomeProviderWithAVeryLongUnbrokenName', 'A provider with a rather long name'];
  for (const list of ['Try first, in order', 'Only these', 'Never these']) {
    const input = panel.getByLabel(`Provider to add to ${list}`);
    for (const name of names) {
      await input.fill(name);
      await input.press('Enter');
    }
  }
  await expect(
    panel.getByRole('button', { name: /^Remove SomeProviderWithAVeryLongUnbrokenName/ }),
  ).toHaveCount(3);
  expect(await overflowing(page, '[role="tabpanel"][data-state="active"]')).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('every settings section can be seen and chosen on a 320 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  await menu(page, 'Settings');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const dialogBox = await settings.boundingBox();
  const tabs = settings.getByRole('tab');
  await expect(tabs).toHaveCount(4);
  for (const tab of await tabs.all()) {
    // In sight, inside the dialog: not scrolled away behind its edge.
    await expect(tab).toBeInViewport({ ratio: 1 });
    const box = await tab.boundingBox();
    expect(box && dialogBox && box.x + box.width <= dialogBox.x + dialogBox.width).toBe(true);
  }
  await tabs.last().click();
  await expect(settings.getByRole('tabpanel')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('the usage line takes one line of a phone, and a reply’s details fit too', async ({ page }) => {
  await page.goto('/');
  const reply = await send(page, 'Hello there, how long is a usage line on a phone?');
  await settled(page);
  const meter = page.getByRole('region', { name: 'Conversation usage' });
  await expect(meter).toContainText('Cost');
  // Prompt and completion; a reasoning or cached count of zero is left out on a phone.
  await expect(meter.locator('[data-slot="usage-meter-row"]:visible')).toHaveCount(2);
  expect(await overflowing(page, '[data-slot="chat-usage"]')).toEqual([]);
  const lines = await meter.evaluate(
    (element) =>
      element.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(element).lineHeight),
  );
  expect(lines).toBeLessThan(1.5);
  await reply.hover();
  await reply.getByRole('button', { name: /details/i }).click();
  await expect(reply.getByRole('region', { name: 'Usage of this reply' })).toBeVisible();
  // One card aligned with the reply's text: nothing in it starts left of the text (the generation id and
  // the usage line did, cut off at the screen's edge), and nothing is said twice.
  const details = reply.locator('[data-slot="message-details-content"]');
  const textLeft = (await reply.locator('[data-slot="message-content"]').boundingBox())?.x ?? Number.NaN;
  for (const part of await details.locator(':scope > *').all()) {
    expect((await part.boundingBox())?.x).toBeGreaterThanOrEqual(textLeft);
  }
  await expect(details.getByText(/^Completion/)).toHaveCount(1);
  // Kept as a test artefact, to look at beside the other screens.
  await details.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('phone-reply-details.png') });
  expect(await overflowing(page, '.app')).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
