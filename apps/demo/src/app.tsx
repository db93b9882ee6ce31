import {
  baseModelId,
  ParleyProvider,
  PreferencesProvider,
  ThreadsProvider,
  useModels,
  usePreferences,
  useThreads,
} from '@parley/react';
import { Chat, ThreadList } from '@parley/ui/connected';
import { useCallback, useRef, useState } from 'react';
import { type Connection, useConnection } from './connection.ts';
import { ConnectionForm } from './connection-dialog.tsx';
import { Dialog } from './dialog.tsx';
import { SHORTCUTS, useShortcuts } from './shortcuts.ts';
import { useThemeChoice } from './theme.ts';
import { ThemeSwitch } from './theme-switch.tsx';
import { tools } from './tools.ts';
import { exportThread, importFile } from './transfer.ts';

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
  const open = useCallback((id: string) => {
    setOpenId(id);
    setSidebarOpen(false);
  }, []);
  const newChat = useCallback(() => open(newId()), [open]);
  useShortcuts({ newChat, help: useCallback(() => setScreen('help'), []) });
  const offerTools = useOfferTools();
  const exportOpen = (format: 'json' | 'markdown') => {
    const thread = store.get(openId);
    if (thread) exportThread(thread, format);
    else setNotice('Nothing to export yet: send a message first.');
  };
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
          <Chat.ModelPicker mode="chain" />
          <span className="app-spacer" />
          <nav className="app-row" aria-label="App">
            <button type="button" className="app-button" onClick={() => setScreen('settings')}>
              Settings
            </button>
            <button type="button" className="app-button" onClick={() => setScreen('connection')}>
              Connection
            </button>
            <button type="button" className="app-button" onClick={() => exportOpen('json')}>
              Export JSON
            </button>
            <button type="button" className="app-button" onClick={() => exportOpen('markdown')}>
              Export Markdown
            </button>
            <button type="button" className="app-button" onClick={() => importRef.current?.click()}>
              Import
            </button>
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
                const { threads, issues } = await importFile(file, store);
                if (threads[0]) open(threads[0].id);
                setNotice(
                  `Imported ${threads.length} conversation${threads.length === 1 ? '' : 's'}` +
                    (issues.length ? `; ${issues.length} skipped.` : '.'),
                );
              }}
            />
            <button type="button" className="app-button" onClick={() => setScreen('help')}>
              Shortcuts
            </button>
            <ThemeSwitch value={theme} onValueChange={setTheme} />
          </nav>
        </header>
        <p role="status" className="app-notice">
          {notice}
        </p>
        <main className="app-chat">
          {/* Keyed by the thread: opening another conversation makes a new chat store for it.
              The connection is read on every send, so a new endpoint or key applies to the next one. */}
          <Chat.Root
            key={openId}
            options={{
              ...connectionProps(connection),
              persistence: store.persistence,
              conversationId: openId,
              tools: offerTools ? tools : {},
            }}
          />
        </main>
      </div>
      <Dialog title="Settings" open={screen === 'settings'} onOpenChange={() => setScreen(undefined)}>
        <p className="app-hint">These apply to the next message you send.</p>
        <h3>Provider routing</h3>
        <Chat.ProviderPrefs />
        <h3>Parameters</h3>
        <Chat.ParametersPanel />
      </Dialog>
      <Dialog title="Connection" open={screen === 'connection'} onOpenChange={() => setScreen(undefined)}>
        <ConnectionForm
          connection={connection}
          onSave={(next) => {
            onConnectionChange(next);
            setScreen(undefined);
          }}
        />
      </Dialog>
      <Dialog title="Keyboard shortcuts" open={screen === 'help'} onOpenChange={() => setScreen(undefined)}>
        <dl className="app-shortcuts">
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.keys}>
              <dt>
                <kbd>{shortcut.keys}</kbd>
              </dt>
              <dd>{shortcut.action}</dd>
            </div>
          ))}
        </dl>
      </Dialog>
    </div>
  );
}

/**
 * Whether the chosen model takes tools: models that do not would refuse the request. A catalogue
 * that omits `supported_parameters` (OpenAI, Ollama, vLLM) gets the tools and decides itself.
 */
function useOfferTools(): boolean {
  const model = usePreferences((state) => state.chain[0]);
  const { data: models } = useModels();
  const info = model === undefined ? undefined : models?.find((entry) => entry.id === baseModelId(model));
  return !info?.supported_parameters || info.supported_parameters.includes('tools');
}
