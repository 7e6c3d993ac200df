import type { Urgency } from '../endpoints/types';
import type { MessageKey } from '../platform/i18n';

/** Each urgency's words in the teacher's language (the form's choices, the readable preview). */
export const URGENCY_LABEL_KEYS: Record<Urgency, MessageKey> = {
  now: 'urgencyNow',
  today: 'urgencyToday',
  'this-week': 'urgencyThisWeek',
};
