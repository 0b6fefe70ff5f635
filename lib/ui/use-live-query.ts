import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type QueryState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * A Dexie live query as component state: re-runs whenever the tables it read change, in any
 * context. Only while the page can be seen: a dashboard or welcome tab left open behind the
 * social sites would otherwise re-read its data at every write of the tracker, all day long.
 * Shown again, it subscribes again and gets the current data at once.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  useEffect(() => {
    let subscription: { unsubscribe(): void } | null = null;
    const follow = () => {
      if (document.visibilityState === 'hidden') {
        subscription?.unsubscribe();
        subscription = null;
      } else if (!subscription) {
        subscription = liveQuery(query).subscribe({
          next: (value) => setState({ status: 'ready', value }),
          error: (error: unknown) => setState({ status: 'error', error }),
        });
      }
    };
    follow();
    document.addEventListener('visibilitychange', follow);
    return () => {
      document.removeEventListener('visibilitychange', follow);
      subscription?.unsubscribe();
    };
  }, deps);
  return state;
}
