/**
 * Visual snapshots of every story in both themes and at two widths, kept as artefacts of the story
 * tests (not compared: fonts and antialiasing differ between machines). After each story's `play`,
 * the page is photographed as the story left it, in light, then in dark, at the desktop size the
 * story ran at and again at the width of a 375 px phone, into reports/story-snapshots/ (gitignored):
 * `<story>-light.png`, `<story>-dark.png`, `<story>-phone-light.png`, `<story>-phone-dark.png`.
 */
import { afterEach } from 'vitest';
import { page } from 'vitest/browser';

declare const __PARLEY_SNAPSHOT_DIR__: string;

const SCHEMES = ['light', 'dark'] as const;
// An iPhone SE screen, the narrowest phone the theme is designed for. Taller would not fit the
// runner's 720 px frame, which would then scale the page down in the picture.
const PHONE = { width: 375, height: 667 };

/**
 * Lets the page come to rest: two frames (the resize observers of the virtualised list and the
 * auto-growing fields re-lay out in the first), then every CSS transition the change started (a
 * colour easing to the other scheme) jumped to its end, so a picture never catches one half-way.
 */
async function settle(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  for (const animation of document.getAnimations()) {
    if (animation instanceof CSSTransition) animation.finish();
  }
}

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') return;
  const file = (task.file?.name ?? 'story')
    .split('/')
    .pop()
    ?.replace(/\.stories\.tsx?$/, '');
  const base = `${__PARLEY_SNAPSHOT_DIR__}/${file}/${task.name.replace(/\W+/g, '-')}`;
  const scopes = [...document.querySelectorAll('[data-parley-theme]')];
  const before = scopes.map((scope) => scope.getAttribute('data-parley-theme'));
  const desktop = { width: window.innerWidth, height: window.innerHeight };
  for (const [suffix, size] of [
    ['', desktop],
    ['-phone', PHONE],
  ] as const) {
    if (size !== desktop) await page.viewport(size.width, size.height);
    for (const scheme of SCHEMES) {
      for (const scope of scopes) scope.setAttribute('data-parley-theme', scheme);
      await settle();
      await page.screenshot({ path: `${base}${suffix}-${scheme}.png` });
    }
  }
  await page.viewport(desktop.width, desktop.height);
  for (const [index, scope] of scopes.entries()) {
    scope.setAttribute('data-parley-theme', before[index] ?? 'light');
  }
});
