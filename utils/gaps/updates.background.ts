import { watchGapUpdates } from './updates';

/**
 * Marks flags addressed as soon as a pack sync or starter update brings their card, while the
 * worker is alive (the panel and studio run the same watcher, so a flag is never missed).
 */
export function setupGapUpdates(): void {
  watchGapUpdates();
}
