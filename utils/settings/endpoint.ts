import { validateEndpointUrl } from '../endpoints';
import type { EndpointFormat } from '../endpoints/types';
import type { EffectiveSettings, Settings } from './settings';

/**
 * Where pings and flags go, read from the effective settings. A value the school locked is
 * the school's decision even when it is wrong: the teacher's own endpoint is never used in its
 * place, requests stay on this device, and the panel and the studio say which setting IT must fix.
 */

export interface DeliveryEndpoint {
  url: string;
  format: EndpointFormat;
}

/** The endpoint to send to now; null when there is none Coachmark can send to (requests are held). */
export function deliveryEndpoint(values: Pick<Settings, 'endpointUrl' | 'endpointFormat'>): DeliveryEndpoint | null {
  const url = values.endpointUrl.trim();
  return url && validateEndpointUrl(url).ok ? { url, format: values.endpointFormat } : null;
}

/** Whether the school locked endpointUrl to something that is not an address Coachmark may send to. */
export function schoolEndpointInvalid(settings: Pick<EffectiveSettings, 'values' | 'locked'>): boolean {
  if (!settings.locked.has('endpointUrl')) return false;
  const url = settings.values.endpointUrl.trim();
  return url !== '' && !validateEndpointUrl(url).ok;
}
