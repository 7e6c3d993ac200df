import type { OutboxItem } from '../platform/db';

/**
 * What in the teacher's outbox needs them: a request that could not be delivered, one still
 * retrying after a failed attempt, or one held because no endpoint is set. These are shown
 * wherever the teacher is, whatever tool they are about.
 */
export function needsAttention(item: OutboxItem): boolean {
  return item.status === 'failed' || item.status === 'held' || (item.status === 'queued' && item.attempts > 0);
}
