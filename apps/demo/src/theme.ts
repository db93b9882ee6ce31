import { useEffect, useState } from 'react';

/** The person's theme choice: "system" follows the operating system (the stylesheet's default). */
export type ThemeChoice = 'light' | 'dark' | 'system';
const KEY = 'parley-demo:theme';

function readChoice(): ThemeChoice {
  const saved = localStorage.getItem(KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

/** The theme choice, kept in localStorage (it is not sensitive) and stamped on <html> for the page. */
export function useThemeChoice(): [ThemeChoice, (next: ThemeChoice) => void] {
  const [choice, setChoice] = useState(readChoice);
  useEffect(() => {
    document.documentElement.dataset.parleyTheme = choice;
    localStorage.setItem(KEY, choice);
  }, [choice]);
  return [choice, setChoice];
}
