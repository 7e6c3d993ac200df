import { useLiveQuery } from '../hooks/use-live-query';
import { db } from '@/utils/platform/db';
import { addressingCardKeys } from '@/utils/gaps/addressed-first';
import type { Detection } from '@/utils/tools/types';

/**
 * The keys of the cards that answered this teacher's flags about this page (or the whole
 * tool), most recent first, for the page's list to show first (see putCardsFirst).
 */
export function useAddressingCardKeys(detection: Detection | null): string[] {
  const tool = detection?.tool ?? null;
  const context = detection?.context ?? null;
  const keys = useLiveQuery(async () => {
    if (!tool) return [];
    const gaps = await db.gaps.where('tool').equals(tool).toArray();
    return addressingCardKeys(gaps, { tool, context }, Date.now());
  }, [tool, context]);
  return keys ?? [];
}
