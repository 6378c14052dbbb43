import { useCallback, useRef, useState } from 'preact/hooks';

export interface Action {
  /** True while a run is under way: buttons that start one are disabled. */
  busy: boolean;
  /** The last run's failure, for one ErrorNote; cleared when the next run starts. */
  error: unknown;
  /** Runs `task` unless one is already running; resolves to its result, or undefined when it failed. */
  run: <T>(task: () => Promise<T>) => Promise<T | undefined>;
  /** Shows a failure found outside a run, or clears it with null. */
  setError: (error: unknown) => void;
}

/** A page's action that calls the worker: busy while it runs, its failure kept for the page to show. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const run = useCallback(async <T>(task: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      return await task();
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
