import type { Detection } from '@/utils/tools/types';
import type { PanelForm } from './PanelActions';

/** Placeholder until search results are built. */
export function SearchResults(_props: { query: string; detection: Detection | null; onForm: (form: PanelForm) => void }) {
  return null;
}
