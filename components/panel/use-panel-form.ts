import { useState } from 'preact/hooks';

/**
 * What the help bar has open: a form, the teacher's requests, or their plan ('plan-summary': opened
 * at "Prepare for my meeting"). 'flag-search' is "Flag a gap"
 * opened from a search that found nothing, so the flag starts as being about that search.
 */
export type PanelForm = 'ping' | 'flag' | 'flag-search' | 'requests' | 'plan' | 'plan-summary' | null;

/** The help bar button that shows `form` (both ways into the flag form are "Flag a gap"). */
export function barButtonOf(form: PanelForm): Exclude<PanelForm, 'flag-search'> {
  return form === 'flag-search' ? 'flag' : form;
}

/** Open/close state for the help bar, shared with the search empty state. */
export function usePanelForm(): [PanelForm, (form: PanelForm) => void] {
  return useState<PanelForm>(null);
}
