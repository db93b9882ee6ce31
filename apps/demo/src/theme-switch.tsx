import type { ThemeChoice } from './theme.ts';

const CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

/** Light, dark or the system's theme, as a labelled native select (keyboard and screen readers for free). */
export function ThemeSwitch({
  value,
  onValueChange,
}: {
  value: ThemeChoice;
  onValueChange(next: ThemeChoice): void;
}) {
  return (
    <label className="app-field">
      <span>Theme</span>
      <select value={value} onChange={(event) => onValueChange(event.target.value as ThemeChoice)}>
        {CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}
