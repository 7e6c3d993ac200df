import { t } from '@/utils/platform/i18n';
import type { HubFailure } from '@/utils/hub/types';

/** What went wrong with a Hub call, in plain words; `hub` is the address it went to. */
export function describeHubFailure(failure: HubFailure, hub: string): string {
  switch (failure.kind) {
    case 'not-set':
      return t('hubNotSet');
    case 'invalid-url':
      return t('hubUrlInvalid');
    case 'refused':
      return t('hubTokenRefused');
    case 'not-found':
      return t('hubNotFound', hub);
    case 'invalid':
    case 'conflict':
      return t('hubRefusedIt');
    case 'http':
      return t('hubHttpStatus', [hub, String(failure.status)]);
    case 'unreadable':
      return t('hubNotAHub', hub);
    case 'timeout':
      return t('hubTimeout', hub);
    case 'network':
      return t('hubNoAnswer', hub);
  }
}

/** The failure as a notice, with the Hub's own list of what is wrong when it sent one. */
export function HubFailureNotice({ failure, hub }: { failure: HubFailure; hub: string }) {
  const errors = 'errors' in failure ? failure.errors : [];
  return (
    <div class="notice notice--error">
      <p>{describeHubFailure(failure, hub)}</p>
      {errors.length > 0 && (
        <ul class="errors">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
