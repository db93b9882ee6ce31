import { expect } from 'vitest';
import { slotClass } from '../jsx/jsx-runtime.ts';

/**
 * Every element on the page that names a part (`data-slot`) carries the class the default theme selects it
 * by (`parley-<slot>`, src/jsx/jsx-runtime.ts). An element made outside the package's JSX runtime without it
 * shows unstyled. Checked after every browser test and every story.
 */
export function expectEveryPartStyled(root: ParentNode = document): void {
  const unstyled = [...root.querySelectorAll('[data-slot]')]
    .map((element) => ({ element, slot: element.getAttribute('data-slot') ?? '' }))
    .filter(({ element, slot }) => !element.classList.contains(slotClass(slot)))
    .map(({ element, slot }) => `<${element.localName} data-slot="${slot}">`);
  expect(unstyled, 'parts without the class the theme selects').toEqual([]);
}
