import './welcome.css';
import { fileToChatPart, useChatStore, useModels, usePreferencesStore } from '@parley/react';
import { type ReactNode, useEffect, useState } from 'react';
import { BracesIcon, ImageIcon, LightbulbIcon, WrenchIcon } from './icons.tsx';
import { SUGGESTIONS, type Suggestion, suggestionParts } from './suggestions.ts';

const ICONS: Record<Suggestion['id'], ReactNode> = {
  tools: <WrenchIcon />,
  reasoning: <LightbulbIcon />,
  structured: <BracesIcon />,
  image: <ImageIcon />,
};

export interface WelcomeProps {
  /** A suggestion was chosen: its message is on its way. */
  onChoose?(): void;
}

/**
 * What a new conversation shows before its first message, as ChatGPT and Claude.ai do: a greeting
 * and a few first messages to send with one press, each showing something the simulator does
 * (tools, reasoning, structured output, a picture). A suggestion chooses the model that does it,
 * so the header's picker says what answered. Offered only where the endpoint's catalogue has those
 * models (the simulator's): another endpoint gets the greeting and a line.
 */
export function Welcome({ onChoose }: WelcomeProps) {
  const store = useChatStore();
  const preferences = usePreferencesStore();
  const { data: models } = useModels();
  const offered = SUGGESTIONS.flatMap((suggestion) => {
    const model = models?.find((entry) => entry.id === suggestion.model);
    return model ? [{ suggestion, modelName: model.name.replace(/^[^:]*:\s*/, '') }] : [];
  });
  const [chosen, setChosen] = useState<Suggestion>();
  // One suggestion per new chat: the buttons stay off while its message is made (a picture is drawn).
  const [sending, setSending] = useState(false);
  // Sent once the new model has rendered: the chat's options (the tools offered) follow the model.
  useEffect(() => {
    if (!chosen) return;
    setChosen(undefined);
    void suggestionParts(chosen, fileToChatPart).then((parts) => store.send(parts));
  }, [chosen, store]);
  const choose = (suggestion: Suggestion) => {
    const state = preferences.getState();
    if (state.chain[0] !== suggestion.model) state.setChain([suggestion.model]);
    // A response format left by another suggestion would bend this one's answer into its JSON.
    const { response_format: previous, ...params } = state.params;
    if (suggestion.params || previous) state.setParams({ ...params, ...suggestion.params });
    setChosen(suggestion);
    setSending(true);
    onChoose?.();
  };
  return (
    <section className="app-welcome" aria-labelledby="welcome-title">
      <div className="app-welcome-inner">
        <h2 id="welcome-title" className="app-welcome-title">
          What shall we try?
        </h2>
        {models && offered.length === 0 && (
          <p className="app-welcome-lead">Write a message below to start.</p>
        )}
        {offered.length > 0 && (
          <>
            <p className="app-welcome-lead">
              You are talking to Parley&rsquo;s built-in simulator: no key, no cost. Start with one of these,
              or write your own below.
            </p>
            <ul className="app-suggestions" aria-label="Suggestions">
              {offered.map(({ suggestion, modelName }) => (
                <li key={suggestion.id}>
                  <button
                    type="button"
                    className="app-suggestion"
                    disabled={sending}
                    onClick={() => choose(suggestion)}
                  >
                    <span className="app-suggestion-icon">{ICONS[suggestion.id]}</span>
                    <span className="app-suggestion-text">
                      <span className="app-suggestion-title">{suggestion.title}</span>
                      <span className="app-suggestion-prompt">{suggestion.prompt}</span>
                    </span>
                    <span className="app-suggestion-model">{modelName}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
