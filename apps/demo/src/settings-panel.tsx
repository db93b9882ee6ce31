import { Chat } from '@parley/ui/connected';

/** The settings screen (loaded when first opened): routing and parameters for the next send. */
export default function SettingsPanel() {
  return (
    <>
      <p className="app-hint">
        These apply to the next message you send. Logprobs and a JSON response format are under Output; web
        search (with its sources) under Plugins.
      </p>
      <h3>Provider routing</h3>
      <Chat.ProviderPrefs />
      <h3>Parameters</h3>
      <Chat.ParametersPanel />
    </>
  );
}
