import type { OutgoingPayload } from '../endpoints/types';
import { GAP_KIND_LABEL_KEYS } from '../gaps/labels';
import { URGENCY_LABEL_KEYS } from '../help-requests/labels';
import { placeName } from '../platform/format';
import { t, type MessageKey } from '../platform/i18n';

/** One labelled part of what a ping or flag sends, as the teacher reads it before Send. */
export interface PreviewField {
  /** Stable name of the part, for styling and tests. */
  id: 'message' | 'urgency' | 'kind' | 'card' | 'note' | 'searches' | 'page' | 'address' | 'name' | 'school' | 'mentors';
  label: string;
  value: string;
}

/**
 * The payload's parts in the teacher's words, each read from the payload itself, so the
 * readable preview can only show what is sent. Empty parts (no note, no school) are left out;
 * the exact data, ids and times included, is shown beside it.
 */
export function previewFields(payload: OutgoingPayload): PreviewField[] {
  const fields: Array<[PreviewField['id'], MessageKey, string | undefined]> = [];
  if (payload.type === 'help-request') {
    fields.push(['message', 'previewFieldMessage', payload.message]);
    fields.push(['urgency', 'previewFieldUrgency', t(URGENCY_LABEL_KEYS[payload.urgency])]);
  } else {
    fields.push(['kind', 'previewFieldKind', t(GAP_KIND_LABEL_KEYS[payload.kind])]);
    fields.push(['card', 'previewFieldCard', payload.card?.title]);
    fields.push(['note', 'previewFieldNote', payload.note]);
    fields.push(['searches', 'previewFieldSearches', payload.searches.map((search) => t('flagSearchQuoted', search)).join(', ')]);
  }
  fields.push(['page', 'previewFieldPage', placeName(payload)]);
  fields.push(['address', 'previewFieldAddress', payload.page.url]);
  fields.push(['name', 'previewFieldName', payload.teacher.name]);
  fields.push(['school', 'previewFieldSchool', payload.teacher.school]);
  fields.push(['mentors', 'previewFieldMentors', payload.mentors.map((mentor) => mentor.name).join(', ')]);
  return fields
    .filter((field): field is [PreviewField['id'], MessageKey, string] => !!field[2]?.trim())
    .map(([id, key, value]) => ({ id, label: t(key), value }));
}
