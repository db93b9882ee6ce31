import {
  baseModelId,
  ParleyProvider,
  PreferencesProvider,
  ThreadsProvider,
  useModels,
  usePreferences,
  useThread,
  useThreads,
} from '@parley/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ChatPane } from './chat-pane.tsx';
import { type Connection, useConnection } from './connection.ts';
import { Dialog } from './dialog.tsx';
import { useDropAnywhere } from './drop-anywhere.ts';
import { Header } from './header.tsx';
import type { MenuAction } from './more-button.tsx';
import { onDemand } from './on-demand.ts';
import { OnDemandScreen } from './on-demand-screen.tsx';
import { useShortcuts } from './shortcuts.ts';
import { Sidebar } from './sidebar.tsx';
import { useThemeChoice } from './theme.ts';
import { preloadTools, tools } from './tools.ts';

// Screens a person opens later load then, keeping the first page light (the e2e checks its size).
const settingsScreen = onDemand(() => import('./settings-panel.tsx'));
const connectionScreen = onDemand(() => import('./connection-dialog.tsx'));
const helpScreen = onDemand(() => import('./shortcuts-help.tsx'));
/** Opening the menu fetches the screens it leads to, so choosing one rarely shows "Loading…". */
const preloadScreens = () => void Promise.all([settingsScreen.load(), connectionScreen.load()]);

const newId = (): string => crypto.randomUUID();
const connectionProps = ({ baseURL, apiKey }: Connection) => (apiKey ? { baseURL, apiKey } : { baseURL });

/** The whole app: providers once at the top, so settings and the thread list outlive any one chat. */
export function App() {
  const [connection, setConnection] = useConnection();
  return (
    <ParleyProvider {...connectionProps(connection)}>
      <PreferencesProvider initial={{ chain: ['parley/echo'] }}>
        <ThreadsProvider>
          <Shell connection={connection} onConnectionChange={setConnection} />
        </ThreadsProvider>
      </PreferencesProvider>
    </ParleyProvider>
  );
}

type Screen = 'settings' | 'connection' | 'help' | undefined;

function Shell({
  connection,
  onConnectionChange,
}: {
  connection: Connection;
  onConnectionChange(next: Connection): void;
}) {
  const [openId, setOpenId] = useState(newId);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [screen, setScreen] = useState<Screen>();
  const [notice, setNotice] = useState('');
  const [theme, setTheme] = useThemeChoice();
  const { store } = useThreads();
  const importRef = useRef<HTMLInputElement>(null);
  const drawerButtonRef = useRef<HTMLButtonElement>(null);
  const open = useCallback((id: string) => {
    setOpenId(id);
    setSidebarOpen(false);
  }, []);
  const newChat = useCallback(() => open(newId()), [open]);
  useShortcuts({ newChat, help: useCallback(() => setScreen('help'), []) });
  const offerTools = useOfferTools();
  const drop = useDropAnywhere();
  const title = useThread(openId).thread?.title || 'New chat';
  const onAction = async (action: MenuAction) => {
    if (action === 'settings' || action === 'connection' || action === 'help') return setScreen(action);
    if (action === 'import') return importRef.current?.click();
    const thread = store.get(openId);
    if (!thread) return setNotice('Nothing to export yet: send a message first.');
    const { exportThread } = await import('./transfer.ts');
    exportThread(thread, action === 'export-json' ? 'json' : 'markdown');
  };
  return (
    <div className="app" data-sidebar={sidebarOpen ? 'open' : 'closed'}>
      <Sidebar
        activeId={openId}
        open={sidebarOpen}
        onClose={() => setSidebarOpen(false)}
        onSelect={open}
        onNewChat={newChat}
        returnFocusRef={drawerButtonRef}
      />
      <div className="app-main">
        <Header
          title={title}
          sidebarOpen={sidebarOpen}
          onToggleSidebar={() => setSidebarOpen((value) => !value)}
          toggleRef={drawerButtonRef}
          onNewChat={newChat}
          onAction={(action) => void onAction(action)}
          onMenuOpen={preloadScreens}
          theme={theme}
          onThemeChange={setTheme}
        />
        <input
          ref={importRef}
          type="file"
          hidden
          aria-label="Import a conversation"
          accept=".json,.md,.markdown,application/json,text/markdown"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            const { importFile } = await import('./transfer.ts');
            const { threads, issues } = await importFile(file, store);
            if (threads[0]) open(threads[0].id);
            setNotice(
              `Imported ${threads.length} conversation${threads.length === 1 ? '' : 's'}` +
                (issues.length ? `; ${issues.length} skipped.` : '.'),
            );
          }}
        />
        <p role="status" className="app-notice">
          {notice}
        </p>
        <main className="app-chat" data-dragging={drop.dragging ? '' : undefined} {...drop.handlers}>
          {/* Keyed by the thread: opening another conversation makes a new chat store for it.
              The connection is read on every send, so a new endpoint or key applies to the next one. */}
          <ChatPane
            key={openId}
            id={openId}
            options={{
              ...connectionProps(connection),
              persistence: store.persistence,
              conversationId: openId,
              tools: offerTools ? tools : {},
            }}
            onChangeKey={() => setScreen('connection')}
          />
        </main>
      </div>
      <Dialog title="Settings" open={screen === 'settings'} onOpenChange={() => setScreen(undefined)}>
        <OnDemandScreen code={settingsScreen} />
      </Dialog>
      <Dialog title="Connection" open={screen === 'connection'} onOpenChange={() => setScreen(undefined)}>
        <OnDemandScreen
          code={connectionScreen}
          connection={connection}
          onSave={(next) => {
            onConnectionChange(next);
            setScreen(undefined);
          }}
        />
      </Dialog>
      <Dialog title="Keyboard shortcuts" open={screen === 'help'} onOpenChange={() => setScreen(undefined)}>
        <OnDemandScreen code={helpScreen} />
      </Dialog>
    </div>
  );
}

/**
 * Whether the chosen model takes tools: models that do not would refuse the request. A catalogue
 * that omits `supported_parameters` (OpenAI, Ollama, vLLM) gets the tools and decides itself.
 * Where the catalogue says the model takes them, what they run is fetched ahead of the first call.
 */
function useOfferTools(): boolean {
  const model = usePreferences((state) => state.chain[0]);
  const { data: models } = useModels();
  const info = model === undefined ? undefined : models?.find((entry) => entry.id === baseModelId(model));
  const takesTools = info?.supported_parameters?.includes('tools') ?? false;
  useEffect(() => {
    if (takesTools) preloadTools();
  }, [takesTools]);
  return !info?.supported_parameters || takesTools;
}
