import * as React from 'react';

/**
 * Reveals `full` a few characters at a time, as a streamed reply arrives, for stories that show
 * streaming without a network. Restarts when `full` changes.
 */
export function useReplayedText(full: string, { step = 6, intervalMs = 16 } = {}): { text: string; done: boolean } {
  const [length, setLength] = React.useState(0);
  React.useEffect(() => {
    setLength(0);
    const timer = setInterval(() => {
      setLength((current) => {
        if (current >= full.length) clearInterval(timer);
        return Math.min(full.length, current + step);
      });
    }, intervalMs);
    return () => clearInterval(timer);
  }, [full, step, intervalMs]);
  return { text: full.slice(0, length), done: length >= full.length };
}
