import { ParleyProvider, PreferencesProvider, ThreadsProvider, useThreads } from '@parley/react';
import { Chat, ThreadList } from '@parley/ui/connected';
import { useCallback, useState } from 'react';
import { useThemeChoice } from './theme.ts';
import { ThemeSwitch } from './theme-switch.tsx';

/** The simulator, served by this app's own Vite server (see vite.config.ts). */
const BASE_URL = '/api/v1';
const newId = (): string => crypto.randomUUID();

/** The whole app: providers once at the top, so settings and the thread list outlive any one chat. */
export function App() {
  return (
    <ParleyProvider baseURL={BASE_URL}>
      <PreferencesProvider initial={{ chain: ['parley/echo'] }}>
        <ThreadsProvider>
          <Shell />
        </ThreadsProvider>
      </PreferencesProvider>
    </ParleyProvider>
  );
}

function Shell() {
  const [openId, setOpenId] = useState(newId);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [theme, setTheme] = useThemeChoice();
  const { store } = useThreads();
  const open = useCallback((id: string) => {
    setOpenId(id);
    setSidebarOpen(false);
  }, []);
  const newChat = useCallback(() => open(newId()), [open]);
  return (
    <div className="app" data-sidebar={sidebarOpen ? 'open' : 'closed'}>
      <aside className="app-sidebar" id="conversations" aria-label="Conversations">
        <div className="app-sidebar-head">
          <span className="app-brand">Parley</span>
          <button type="button" className="app-button app-button-primary" onClick={newChat}>
            New chat
          </button>
        </div>
        <ThreadList.Root activeId={openId} onSelect={open} />
      </aside>
      <div className="app-main">
        <header className="app-header">
          <button
            type="button"
            className="app-button app-menu"
            aria-expanded={sidebarOpen}
            aria-controls="conversations"
            onClick={() => setSidebarOpen((value) => !value)}
          >
            Conversations
          </button>
          <Chat.ModelPicker />
          <span className="app-spacer" />
          <ThemeSwitch value={theme} onValueChange={setTheme} />
        </header>
        <main className="app-chat">
          {/* Keyed by the thread: opening another conversation makes a new chat store for it. */}
          <Chat.Root
            key={openId}
            options={{ baseURL: BASE_URL, persistence: store.persistence, conversationId: openId }}
          />
        </main>
      </div>
    </div>
  );
}
