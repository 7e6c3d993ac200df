import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * A Dexie query kept current as the database changes. Undefined until the first result:
 * render nothing (or "Loading") until then, never an empty list that is not yet true.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (result) => setValue(() => result),
      error: (error: unknown) => console.error('Coachmark: query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
