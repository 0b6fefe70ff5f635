import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type QueryState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/** A Dexie live query as component state: re-runs whenever the tables it read change, in any context. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', error }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}
