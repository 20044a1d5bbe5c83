import { useCallback, useRef, useState } from 'react';

/** Which long operation of a view is running, if any: its button shows a busy label and the view's other such buttons wait. */
export function useBusy<K extends string>(): readonly [K | null, (key: K, work: () => Promise<unknown>) => Promise<void>] {
  const [busy, setBusy] = useState<K | null>(null);
  // A second click can arrive before React re-renders the disabled button.
  const running = useRef(false);
  const run = useCallback(async (key: K, work: () => Promise<unknown>) => {
    if (running.current) return;
    running.current = true;
    setBusy(key);
    try {
      await work();
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);
  return [busy, run] as const;
}
