import { useEffect, useState } from 'react';

/** Code fetched on first use, kept once it arrived (see useOnDemand). */
export interface OnDemand<T> {
  load(): Promise<T>;
  current: T | undefined;
}

/** A module's default export, loaded when first asked for (or earlier, with `load()`). */
export function onDemand<T>(load: () => Promise<{ default: T }>): OnDemand<T> {
  const entry: OnDemand<T> = {
    current: undefined,
    load: () =>
      load().then((module) => {
        entry.current = module.default;
        return module.default;
      }),
  };
  return entry;
}

/**
 * The code once it is there, `undefined` until then; asks for it once `wanted`. Not React.lazy:
 * its Suspense holds a reveal back until 300 ms after the fallback showed, which would delay every
 * menu, dialog and conversation opened for the first time by that much.
 */
export function useOnDemand<T>(code: OnDemand<T>, wanted = true): T | undefined {
  const [value, setValue] = useState(() => code.current);
  useEffect(() => {
    if (wanted && value === undefined) void code.load().then((loaded) => setValue(() => loaded));
  }, [code, value, wanted]);
  // Loaded meanwhile by someone else (a preload on hover): usable in this very render.
  return value ?? code.current;
}
