import type { GapKind } from '../endpoints/types';
import type { MessageKey } from '../platform/i18n';

/** What each kind of flag is called in the teacher's and coach's language. */
export const GAP_KIND_LABEL_KEYS: Record<GapKind, MessageKey> = {
  missing: 'flagKindMissing',
  unhelpful: 'flagKindUnhelpful',
  outdated: 'flagKindOutdated',
  'search-found-nothing': 'flagKindSearch',
};
