import type { TabState } from '@/utils/tab-state';

/** Placeholder until the gap form is built. */
export function FlagForm(_props: { tabState: TabState | null; onDone: () => void }) {
  return null;
}
