/**
 * Visual snapshots of every story in both themes, kept as artefacts of the story tests (not
 * compared: fonts and antialiasing differ between machines). After each story's `play`, the page
 * is photographed as the story left it, in light, then in dark, into reports/story-snapshots/
 * (gitignored), one PNG per story and theme, for review beside the stories.
 */
import { afterEach } from 'vitest';
import { page } from 'vitest/browser';

declare const __PARLEY_SNAPSHOT_DIR__: string;

const SCHEMES = ['light', 'dark'] as const;

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') return;
  const file = (task.file?.name ?? 'story')
    .split('/')
    .pop()
    ?.replace(/\.stories\.tsx?$/, '');
  const scopes = [...document.querySelectorAll('[data-parley-theme]')];
  const before = scopes.map((scope) => scope.getAttribute('data-parley-theme'));
  for (const scheme of SCHEMES) {
    for (const scope of scopes) scope.setAttribute('data-parley-theme', scheme);
    await page.screenshot({
      path: `${__PARLEY_SNAPSHOT_DIR__}/${file}/${task.name.replace(/\W+/g, '-')}-${scheme}.png`,
    });
  }
  for (const [index, scope] of scopes.entries()) {
    scope.setAttribute('data-parley-theme', before[index] ?? 'light');
  }
});
