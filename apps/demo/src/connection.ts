import { useCallback, useState } from 'react';

/** Where requests go. The default is the simulator on this app's own origin. */
export interface Connection {
  baseURL: string;
  apiKey: string;
  /** Kept in localStorage (across sessions) rather than sessionStorage (this tab only). */
  remember: boolean;
}

export const SIMULATOR: Connection = { baseURL: '/api/v1', apiKey: '', remember: false };
const KEY = 'parley-demo:connection';

function read(): Connection {
  // The key is stored only where the person chose: this tab (sessionStorage) unless "remember".
  const saved = sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY);
  if (!saved) return SIMULATOR;
  try {
    const value = JSON.parse(saved) as Partial<Connection>;
    return {
      baseURL: typeof value.baseURL === 'string' && value.baseURL ? value.baseURL : SIMULATOR.baseURL,
      apiKey: typeof value.apiKey === 'string' ? value.apiKey : '',
      remember: value.remember === true,
    };
  } catch {
    return SIMULATOR;
  }
}

/** The connection and a setter that stores it where the person chose (never in a URL or a log). */
export function useConnection(): [Connection, (next: Connection) => void] {
  const [connection, setConnection] = useState(read);
  const save = useCallback((next: Connection) => {
    sessionStorage.removeItem(KEY);
    localStorage.removeItem(KEY);
    (next.remember ? localStorage : sessionStorage).setItem(KEY, JSON.stringify(next));
    setConnection(next);
  }, []);
  return [connection, save];
}
