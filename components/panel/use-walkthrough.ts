import { useEffect, useState } from 'preact/hooks';
import { walkthroughItem, watchValue } from '@/utils/platform/storage';
import type { WalkthroughState } from '@/utils/show-me/types';

/** The tab's walkthrough as the background keeps it, followed as it moves; null when there is none. */
export function useWalkthrough(tabId: number | null): WalkthroughState | null {
  const [state, setState] = useState<WalkthroughState | null>(null);
  useEffect(() => {
    setState(null);
    if (tabId === null) return;
    return watchValue(walkthroughItem(tabId), (value) => (value as WalkthroughState | null) ?? null, setState);
  }, [tabId]);
  return state;
}
