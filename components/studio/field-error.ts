import { t } from '@/utils/platform/i18n';
import type { DraftIssue } from '@/utils/cards/draft';

/** A card schema problem in the coach's language; the schema's own words when there is no translation. */
export function fieldErrorText(issue: DraftIssue): string {
  const limit = String(issue.limit ?? '');
  if (issue.code === 'too_small:string') return t('fieldRequired');
  if (issue.code === 'too_small:array') return t('fieldNeedOne');
  if (issue.code === 'too_big:string') return t('fieldTooLong', limit);
  if (issue.code === 'too_big:array') return t('fieldTooMany', limit);
  if (issue.field === 'id') return t('fieldIdFormat');
  if (/^links\.\d+\.url$/.test(issue.field)) return t('fieldLinkUrl');
  if (issue.field === 'reviewBy') return t('fieldDate');
  return issue.message;
}
