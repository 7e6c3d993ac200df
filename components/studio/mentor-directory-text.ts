import { t } from '@/utils/platform/i18n';
import { decodeSyncError } from '@/utils/cards/subscriptions';
import type { MentorDirectorySyncResult } from '@/utils/mentors/directory';
import { describeSyncError } from './sync-text';

/** A stored directory sync error in the coach's language; size and validity have the directory's own words. */
export function describeDirectoryError(stored: string): string {
  const { code, detail } = decodeSyncError(stored);
  if (code === 'too-large') return t('mentorDirectoryErrorTooLarge');
  if (code === 'invalid') return t('mentorDirectoryErrorInvalid', detail);
  return describeSyncError(stored);
}

export function describeDirectoryResult(result: MentorDirectorySyncResult): string {
  switch (result.outcome) {
    case 'updated':
      return t('mentorDirectoryResultUpdated', String(result.mentors));
    case 'unchanged':
      return t('mentorDirectoryResultUnchanged', String(result.mentors));
    case 'failed':
      return t('mentorDirectoryResultFailed', describeDirectoryError(result.error));
    case 'none':
      return t('mentorDirectoryResultNone');
  }
}
