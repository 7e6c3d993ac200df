import { t } from '@/utils/platform/i18n';

/**
 * The school locked endpointUrl to an address Coachmark cannot send to: requests stay on this
 * device, and the teacher knows whom to tell and which setting to name.
 */
export function SchoolEndpointNotice() {
  return (
    <p class="notice notice--error" data-testid="school-endpoint-invalid">
      {t('policyEndpointInvalid')}
    </p>
  );
}
