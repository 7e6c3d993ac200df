import { useState } from 'preact/hooks';

export type PanelForm = 'ping' | 'flag' | null;

/** Open/close state for the panel's forms, shared with the search empty state. */
export function usePanelForm(): [PanelForm, (form: PanelForm) => void] {
  return useState<PanelForm>(null);
}
