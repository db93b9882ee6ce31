import type { Ref } from 'react';
import { IconButton } from './icon-button.tsx';
import { NewChatIcon, SidebarIcon } from './icons.tsx';
import { ModelButton } from './model-button.tsx';
import { type MenuAction, MoreButton } from './more-button.tsx';
import type { ThemeChoice } from './theme.ts';

/**
 * One row on a desktop and on a phone: the drawer button (phones), the conversation's title, the
 * model picker (its fallback chain inside the popover), then New chat (phones) and the menu.
 */
export function Header({
  title,
  sidebarOpen,
  onToggleSidebar,
  toggleRef,
  onNewChat,
  onAction,
  onMenuOpen,
  theme,
  onThemeChange,
}: {
  title: string;
  sidebarOpen: boolean;
  onToggleSidebar(): void;
  toggleRef: Ref<HTMLButtonElement>;
  onNewChat(): void;
  onAction(action: MenuAction): void;
  onMenuOpen(): void;
  theme: ThemeChoice;
  onThemeChange(next: ThemeChoice): void;
}) {
  return (
    <header className="app-header">
      <IconButton
        ref={toggleRef}
        label="Conversations"
        className="app-icon-button app-phone-only"
        aria-expanded={sidebarOpen}
        aria-controls="conversations"
        onClick={onToggleSidebar}
      >
        <SidebarIcon />
      </IconButton>
      <h1 className="app-title">{title}</h1>
      <ModelButton />
      <span className="app-spacer" />
      <IconButton
        label="New chat"
        className="app-icon-button app-phone-only"
        tooltipAlign="end"
        onClick={onNewChat}
      >
        <NewChatIcon />
      </IconButton>
      <MoreButton onAction={onAction} onOpen={onMenuOpen} theme={theme} onThemeChange={onThemeChange} />
    </header>
  );
}
