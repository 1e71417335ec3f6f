import { useCallback, useEffect, useRef, useState } from 'react';
import { asProblem, type Problem } from './api/problem';

export interface QueryState<T> {
  data: T | undefined;
  problem: Problem | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` whenever `key` changes (and on reload()); aborts the previous run. The last data
 * stays while a new page loads, so grids keep their row count.
 */
export function useApiQuery<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): QueryState<T> {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [data, setData] = useState<T>();
  const [problem, setProblem] = useState<Problem>();
  const [loading, setLoading] = useState(key !== null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setLoading(true);
    loadRef.current(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setProblem(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setProblem(asProblem(err));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, problem, loading, reload };
}

/** Calls `fn` once `delay` ms have passed without another call. */
export function useDebouncedCallback<A extends unknown[]>(fn: (...args: A) => void, delay: number) {
  const fnRef = useRef(fn);
  useEffect(() => {
    fnRef.current = fn;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(
    (...args: A) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => fnRef.current(...args), delay);
    },
    [delay],
  );
}
