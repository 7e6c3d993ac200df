import { useSettings } from '../hooks/use-settings';
import { schoolEndpointInvalid } from '@/utils/settings/endpoint';
import { SchoolEndpointNotice } from '../shared/SchoolEndpointNotice';

/** In the help bar: says when the school's endpoint setting cannot work, before the teacher writes (loaded after the first screen). */
export function SchoolSettingsCheck() {
  const settings = useSettings();
  return settings && schoolEndpointInvalid(settings) ? <SchoolEndpointNotice /> : null;
}
