import { createParleyClient } from '@parley/client';
import { useEffect, useId, useRef, useState } from 'react';
import { type Connection, SIMULATOR } from './connection.ts';

type Test =
  | { state: 'idle' | 'testing' }
  | { state: 'ok'; models: string[] }
  | { state: 'error'; message: string };

/** Base URL and API key of the endpoint, with a test that lists its models. */
export default function ConnectionForm({
  connection,
  onSave,
}: {
  connection: Connection;
  onSave(next: Connection): void;
}) {
  const [draft, setDraft] = useState(connection);
  const urlRef = useRef<HTMLInputElement>(null);
  // The dialog opens on the field it is about, not on its Close button.
  useEffect(() => urlRef.current?.focus(), []);
  const [test, setTest] = useState<Test>({ state: 'idle' });
  const id = useId();
  const run = async () => {
    setTest({ state: 'testing' });
    try {
      const client = createParleyClient(
        draft.apiKey ? { baseURL: draft.baseURL, apiKey: draft.apiKey } : { baseURL: draft.baseURL },
      );
      const list = await client.models.list();
      // OpenAI, Ollama and vLLM list ids and little else: only the id is relied on.
      setTest({ state: 'ok', models: list.data.map((model) => model.id) });
    } catch (error) {
      setTest({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <form
      className="app-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft);
      }}
    >
      <label htmlFor={`${id}-url`}>Base URL</label>
      <input
        ref={urlRef}
        id={`${id}-url`}
        type="url"
        required
        value={draft.baseURL}
        onChange={(event) => setDraft({ ...draft, baseURL: event.target.value })}
      />
      <label htmlFor={`${id}-key`}>API key</label>
      <input
        id={`${id}-key`}
        type="password"
        autoComplete="off"
        value={draft.apiKey}
        onChange={(event) => setDraft({ ...draft, apiKey: event.target.value })}
      />
      <label className="app-check">
        <input
          type="checkbox"
          checked={draft.remember}
          onChange={(event) => setDraft({ ...draft, remember: event.target.checked })}
        />
        Remember on this device (otherwise kept for this tab only)
      </label>
      <div className="app-row">
        <button type="button" className="app-button" onClick={() => void run()}>
          Test connection
        </button>
        <button type="button" className="app-button" onClick={() => setDraft(SIMULATOR)}>
          Use the simulator
        </button>
        <button type="submit" className="app-button app-button-primary">
          Save
        </button>
      </div>
      <div role="status" className="app-test">
        {test.state === 'testing' && 'Testing…'}
        {test.state === 'error' && `Connection failed: ${test.message}`}
        {test.state === 'ok' && (
          <>
            <p>Connected: {test.models.length} models.</p>
            <ul aria-label="Models of this endpoint" className="app-model-list">
              {test.models.slice(0, 50).map((model) => (
                <li key={model}>{model}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </form>
  );
}
