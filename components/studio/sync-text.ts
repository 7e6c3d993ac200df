import { t, tn } from '@/utils/platform/i18n';
import { decodeSyncError, type PackSyncResult } from '@/utils/cards/subscriptions';

/** A stored sync error (`code` or `code: detail`) in the coach's language. */
export function describeSyncError(stored: string): string {
  const { code, detail } = decodeSyncError(stored);
  switch (code) {
    case 'bad-url':
      return t('syncErrorBadUrl');
    case 'http':
      return t('syncErrorHttp', detail);
    case 'timeout':
      return t('syncErrorTimeout');
    case 'too-large':
      return t('syncErrorTooLarge');
    case 'redirect':
      // A browser hides where a redirect leads; other runtimes say.
      return detail ? t('syncErrorRedirect', detail) : t('syncErrorRedirectHidden');
    case 'invalid':
      return t('syncErrorInvalid', detail);
    case 'id-taken':
      return t('syncErrorIdTaken', detail);
    case 'storage':
      return t('syncErrorStorage');
    case 'over-limit':
      return t('syncErrorOverLimit', detail);
    case 'network':
      return t('syncErrorNetwork');
  }
}

export function describeSyncResult(result: PackSyncResult): string {
  switch (result.outcome) {
    case 'updated':
      return t('syncResultUpdated', [
        result.url,
        tn('cardsAdded', result.added),
        tn('cardsChanged', result.updated),
        tn('cardsRemoved', result.removed),
      ]);
    case 'unchanged':
      return t('syncResultUnchanged', result.url);
    case 'failed':
      return t('syncResultFailed', [result.url, describeSyncError(result.error)]);
  }
}

/** Date and time in the browser's language, for "last sync". */
export function formatWhen(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}
