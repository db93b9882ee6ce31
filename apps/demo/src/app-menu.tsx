import { DropdownMenu } from 'radix-ui';
import { WithTooltip } from './icon-button.tsx';
import {
  DownloadIcon,
  KeyboardIcon,
  MoreIcon,
  PlugIcon,
  SettingsIcon,
  SunIcon,
  UploadIcon,
} from './icons.tsx';
import type { ThemeChoice } from './theme.ts';

/** What the overflow menu asks the app to do. */
export type MenuAction = 'settings' | 'connection' | 'export-json' | 'export-markdown' | 'import' | 'help';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

/**
 * Every app action behind one "More" button (radix DropdownMenu: arrow keys, typeahead, Escape,
 * focus return), so the header keeps to one row on a phone as on a desktop. Not modal and not
 * portalled: it stays inside the header's landmark and leaves the page readable behind it.
 */
export function AppMenu({
  onAction,
  onOpen,
  theme,
  onThemeChange,
}: {
  onAction(action: MenuAction): void;
  onOpen(): void;
  theme: ThemeChoice;
  onThemeChange(next: ThemeChoice): void;
}) {
  const item = (action: MenuAction, label: string, icon: React.ReactNode, shortcut?: string) => (
    <DropdownMenu.Item className="app-menu-item" onSelect={() => onAction(action)}>
      {icon}
      <span>{label}</span>
      {shortcut && <kbd className="app-menu-shortcut">{shortcut}</kbd>}
    </DropdownMenu.Item>
  );
  return (
    <DropdownMenu.Root modal={false} onOpenChange={(open) => open && onOpen()}>
      <WithTooltip label="More">
        <DropdownMenu.Trigger className="app-icon-button" aria-label="More">
          <MoreIcon />
        </DropdownMenu.Trigger>
      </WithTooltip>
      <DropdownMenu.Content className="app-menu-content" align="end" sideOffset={6} collisionPadding={8}>
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
