import { DropdownMenu } from 'radix-ui';
import { useRef } from 'react';
import {
  DownloadIcon,
  KeyboardIcon,
  MoreIcon,
  PlugIcon,
  SettingsIcon,
  SunIcon,
  UploadIcon,
} from './icons.tsx';
import type { MenuAction } from './more-button.tsx';
import type { ThemeChoice } from './theme.ts';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

/**
 * Every app action behind one "More" button (radix DropdownMenu: arrow keys, typeahead, Escape,
 * focus return), so the header keeps to one row on a phone as on a desktop. Not modal and not
 * portalled: it stays inside the header's landmark and leaves the page readable behind it.
 * Loaded on first use (MoreButton), so it mounts open.
 */
export default function AppMenu({
  onAction,
  onOpen,
  theme,
  onThemeChange,
  focusFirstItem,
}: {
  onAction(action: MenuAction): void;
  onOpen(): void;
  theme: ThemeChoice;
  onThemeChange(next: ThemeChoice): void;
  /** Mounted open by a key press on the placeholder: focus the first item, not the menu. */
  focusFirstItem: boolean;
}) {
  const firstFocus = useRef(focusFirstItem);
  const item = (action: MenuAction, label: string, icon: React.ReactNode, shortcut?: string) => (
    <DropdownMenu.Item className="app-menu-item" onSelect={() => onAction(action)}>
      {icon}
      <span>{label}</span>
      {shortcut && <kbd className="app-menu-shortcut">{shortcut}</kbd>}
    </DropdownMenu.Item>
  );
  return (
    <DropdownMenu.Root modal={false} defaultOpen onOpenChange={(open) => open && onOpen()}>
      <DropdownMenu.Trigger
        className="app-icon-button"
        aria-label="More"
        data-tooltip="More"
        data-tooltip-align="end"
      >
        <MoreIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        className="app-menu-content"
        align="end"
        sideOffset={6}
        collisionPadding={8}
        onFocus={(event) => {
          // Radix focuses the menu itself as it mounts; the first time, pass that on to the first item.
          if (!firstFocus.current || event.target !== event.currentTarget) return;
          firstFocus.current = false;
          event.currentTarget.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
        }}
      >
        {item('settings', 'Settings', <SettingsIcon />)}
        {item('connection', 'Connection', <PlugIcon />)}
        <DropdownMenu.Separator className="app-menu-separator" />
        {item('export-json', 'Export as JSON', <DownloadIcon />)}
        {item('export-markdown', 'Export as Markdown', <DownloadIcon />)}
        {item('import', 'Import…', <UploadIcon />)}
        <DropdownMenu.Separator className="app-menu-separator" />
        {item('help', 'Keyboard shortcuts', <KeyboardIcon />, 'Ctrl /')}
        <DropdownMenu.Separator className="app-menu-separator" />
        <DropdownMenu.Label className="app-menu-label">
          <SunIcon />
          Theme
        </DropdownMenu.Label>
        <DropdownMenu.RadioGroup
          aria-label="Theme"
          value={theme}
          onValueChange={(next) => onThemeChange(next as ThemeChoice)}
        >
          {THEMES.map((choice) => (
            <DropdownMenu.RadioItem key={choice.value} className="app-menu-item" value={choice.value}>
              <span className="app-menu-check" aria-hidden="true">
                <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
              </span>
              <span>{choice.label}</span>
            </DropdownMenu.RadioItem>
          ))}
        </DropdownMenu.RadioGroup>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
