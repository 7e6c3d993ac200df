import { useEffect, useState } from 'preact/hooks';
import { db, type CardRecord } from '@/utils/platform/db';
import { recentlyViewed } from '@/utils/cards/feedback';

/** Cards fetched per snapshot: the strip shows fewer once the page's own cards are left out. */
const SNAPSHOT_SIZE = 12;
export const RECENT_SHOWN = 5;

export function loadRecentSnapshot(tool: string | undefined): Promise<CardRecord[]> {
  return recentlyViewed(db, { tool, limit: SNAPSHOT_SIZE });
}

/**
 * The cards opened before, read once each time a page (`place`) is shown rather than live: a
 * card the teacher opens now must not jump into the strip above what they are reading.
 */
export function useRecentSnapshot(tool: string | undefined, place: string = tool ?? ''): CardRecord[] | undefined {
  const [snapshot, setSnapshot] = useState<{ place: string; cards: CardRecord[] } | undefined>(undefined);
  useEffect(() => {
    let active = true;
    loadRecentSnapshot(tool).then(
      (cards) => active && setSnapshot({ place, cards }),
      (error: unknown) => {
        if (!active) return;
        console.error('Coachmark: could not read recently viewed cards', error);
        setSnapshot({ place, cards: [] });
      },
    );
    return () => {
      active = false;
    };
  }, [tool, place]);
  return snapshot && snapshot.place === place ? snapshot.cards : undefined;
}
