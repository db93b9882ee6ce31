import { useState } from 'react';
import { MoreIcon } from './icons.tsx';
import { onDemand, useOnDemand } from './on-demand.ts';
import type { ThemeChoice } from './theme.ts';

/** What the overflow menu asks the app to do. */
export type MenuAction = 'settings' | 'connection' | 'export-json' | 'export-markdown' | 'import' | 'help';

// The menu (radix DropdownMenu and its positioning) is fetched when the person reaches for it:
// hovering, focusing or pressing the button. Until then a plain button holds its place.
const menu = onDemand(() => import('./app-menu.tsx'));
const loadMenu = () => void menu.load();

export interface MoreButtonProps {
  onAction(action: MenuAction): void;
  /** Called as the menu opens: a chance to fetch the screens it leads to. */
  onOpen(): void;
  theme: ThemeChoice;
  onThemeChange(next: ThemeChoice): void;
}

/** The header's "More" button: every app action, the menu loaded on first use. */
export function MoreButton(props: MoreButtonProps) {
  const [wanted, setWanted] = useState(false);
  // Opened from the keyboard, the menu starts on its first item (radix does so for its own trigger).
  const [byKeyboard, setByKeyboard] = useState(false);
  const AppMenu = useOnDemand(menu, wanted);
  const placeholder = (
    <button
      type="button"
      className="app-icon-button"
      aria-label="More"
      aria-haspopup="menu"
      data-tooltip="More"
      data-tooltip-align="end"
      onPointerEnter={loadMenu}
      onFocus={loadMenu}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') setByKeyboard(true);
      }}
      onClick={() => {
        props.onOpen();
        setWanted(true);
      }}
    >
      <MoreIcon />
    </button>
  );
  if (!wanted || !AppMenu) return placeholder;
  return <AppMenu {...props} focusFirstItem={byKeyboard} />;
}
