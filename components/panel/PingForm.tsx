import type { TabState } from '@/utils/tab-state';

/** Placeholder until the ping form is built. */
export function PingForm(_props: { tabState: TabState | null; onDone: () => void }) {
  return null;
}
