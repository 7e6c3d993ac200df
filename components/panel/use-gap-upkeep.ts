import { useEffect } from 'preact/hooks';
import { useSettings } from '../hooks/use-settings';
import { validateEndpointUrl } from '@/utils/endpoints';
import { sendKeptFlags } from '@/utils/gaps/send';
import { watchGapUpdates } from '@/utils/gaps/updates';

/**
 * Keeps the teacher's flags current while the panel is open: a flag whose card has arrived
 * becomes addressed, a delivered one sent, and flags kept while no endpoint was set are
 * queued as soon as one is.
 */
export function useGapUpkeep(): void {
  const settings = useSettings();
  useEffect(() => watchGapUpdates(), []);
  useEffect(() => {
    if (!settings) return;
    const url = settings.values.endpointUrl.trim();
    if (!url || !validateEndpointUrl(url).ok) return;
    sendKeptFlags({ url, format: settings.values.endpointFormat }).catch((error: unknown) =>
      console.error('Coachmark: could not queue kept flags', error),
    );
  }, [settings]);
}
