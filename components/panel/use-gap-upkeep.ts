import { useEffect } from 'preact/hooks';
import { watchGapUpdates } from '@/utils/gaps/updates';

/**
 * Keeps the teacher's flags current while the panel is open: a flag whose card has arrived
 * becomes addressed, a delivered one sent. (Flags kept while no endpoint was set are queued by
 * the background as soon as one is: utils/outbox/kept.background.ts.)
 */
export function useGapUpkeep(): void {
  useEffect(() => watchGapUpdates(), []);
}
