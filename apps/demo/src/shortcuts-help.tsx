import { SHORTCUTS } from './shortcuts.ts';

/** The keyboard shortcuts, listed from the table the listener uses (loaded when first opened). */
export default function ShortcutsHelp() {
  return (
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
  );
}
