import './settings.css';
import { usePreferences, usePreferencesStore } from '@parley/react';
import { ParametersPanel } from '@parley/ui';
import { Chat } from '@parley/ui/connected';
import { Tabs } from 'radix-ui';
import { type ReactNode, useEffect, useRef, useSyncExternalStore } from 'react';
import { BracesIcon, PlugIcon, ServerIcon, SettingsIcon } from './icons.tsx';

const PHONE = '(max-width: 720px)';
const subscribe = (onChange: () => void) => {
  const query = matchMedia(PHONE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
/** Tabs run down the side on a desktop and across the top on a phone; the arrow keys follow. */
function useOrientation(): 'vertical' | 'horizontal' {
  const phone = useSyncExternalStore(subscribe, () => matchMedia(PHONE).matches);
  return phone ? 'horizontal' : 'vertical';
}

/**
 * Reset and presets: Chat.ParametersPanel wires them only in its default layout, so a panel split
 * over tabs wires them here, to the same preferences.
 */
function Presets() {
  const preferences = usePreferencesStore();
  const presets = usePreferences((state) => state.presets);
  const actions = preferences.getState();
  return (
    <ParametersPanel.Presets
      presets={presets.map((preset) => preset.name)}
      onSavePreset={actions.savePreset}
      onApplyPreset={actions.applyPreset}
      onDeletePreset={actions.deletePreset}
      onReset={actions.resetParams}
    />
  );
}

const SECTIONS: { value: string; label: string; icon: ReactNode; hint: string; content: () => ReactNode }[] =
  [
    {
      value: 'parameters',
      label: 'Parameters',
      icon: <SettingsIcon />,
      hint: 'Sampling, length, reasoning and tool use, with presets to keep a set you like.',
      content: () => (
        <Chat.ParametersPanel>
          <ParametersPanel.Sampling />
          <ParametersPanel.Reasoning />
          <ParametersPanel.Tools />
          <Presets />
        </Chat.ParametersPanel>
      ),
    },
    {
      value: 'output',
      label: 'Output',
      icon: <BracesIcon />,
      hint: 'Stop sequences, logit bias, token log probabilities, and a JSON response format checked against a schema.',
      content: () => (
        <Chat.ParametersPanel>
          <ParametersPanel.Output />
          <ParametersPanel.ResponseFormat />
        </Chat.ParametersPanel>
      ),
    },
    {
      value: 'providers',
      label: 'Providers',
      icon: <ServerIcon />,
      hint: 'Which providers may serve the chosen model, in what order, and under which policies.',
      content: () => <Chat.ProviderPrefs />,
    },
    {
      value: 'plugins',
      label: 'Plugins',
      icon: <PlugIcon />,
      hint: 'Web search (its sources are shown under the reply), and what identifies the request.',
      content: () => (
        <Chat.ParametersPanel>
          <ParametersPanel.Plugins />
          <ParametersPanel.Routing />
        </Chat.ParametersPanel>
      ),
    },
  ];

/**
 * The settings screen (loaded when first opened): what the next message is sent with, in tabs
 * (radix Tabs: arrow keys between tabs, Tab into the panel).
 */
export default function SettingsPanel() {
  const orientation = useOrientation();
  const first = useRef<HTMLButtonElement>(null);
  // The dialog opens on its sections (arrow keys move between them), not on its Close button.
  useEffect(() => first.current?.focus(), []);
  return (
    <Tabs.Root className="app-settings" defaultValue="parameters" orientation={orientation}>
      <Tabs.List className="app-settings-nav" aria-label="Settings sections">
        {SECTIONS.map((section) => (
          <Tabs.Trigger
            key={section.value}
            ref={section.value === 'parameters' ? first : undefined}
            className="app-settings-tab"
            value={section.value}
          >
            {section.icon}
            {section.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {SECTIONS.map((section) => (
        <Tabs.Content key={section.value} className="app-settings-panel" value={section.value}>
          <p className="app-hint">{section.hint} Changes apply to the next message you send.</p>
          {section.content()}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
