import type { GrowthPlanPayload, MentorVolunteerPayload, OutgoingPayload } from '../endpoints/types';
import { PROGRESS_KEYS } from '../plan/summary';
import { formatDay } from '../platform/format';
import { GAP_KIND_LABEL_KEYS } from '../gaps/labels';
import { URGENCY_LABEL_KEYS } from '../help-requests/labels';
import { placeName } from '../platform/format';
import { t, type MessageKey } from '../platform/i18n';
import { toolNames } from './describe';

/** One labelled part of what a ping or flag sends, as the teacher reads it before Send. */
export interface PreviewField {
  /** Stable name of the part, for styling and tests. */
  id:
    | 'message'
    | 'urgency'
    | 'kind'
    | 'card'
    | 'note'
    | 'searches'
    | 'page'
    | 'address'
    | 'name'
    | 'school'
    | 'mentors'
    | 'meeting'
    | 'goals'
    | 'saved'
    | 'reflections'
    | 'pings'
    | 'handle'
    | 'tools';
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
  if (payload.type === 'growth-plan') return keep(planFields(payload));
  if (payload.type === 'mentor-volunteer') return keep(volunteerFields(payload));
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
  return keep(fields);
}

/** A growth plan's parts: every goal with its progress, and what the plan holds, in brief. */
function planFields(payload: GrowthPlanPayload): Array<[PreviewField['id'], MessageKey, string | undefined]> {
  const saved = [...payload.goals.flatMap((goal) => goal.saved), ...payload.saved];
  const reflections = [...payload.goals.flatMap((goal) => goal.reflections), ...payload.reflections];
  const title = (entry: (typeof saved)[number]) => {
    const what = entry.card?.title ?? t('planQuoted', entry.ping?.message ?? '');
    return entry.note ? t('previewSavedWithNote', [what, entry.note]) : what;
  };
  return [
    ['meeting', 'previewFieldMeeting', payload.period.nextMeeting ? formatDay(payload.period.nextMeeting) : undefined],
    [
      'goals',
      'previewFieldGoals',
      payload.goals.map((goal) => t('previewGoalProgress', [goal.text, t(PROGRESS_KEYS[goal.progress])])).join('; '),
    ],
    ['saved', 'previewFieldSaved', saved.map(title).join('; ')],
    ['reflections', 'previewFieldReflections', reflections.map((entry) => t('planQuoted', entry.text)).join('; ')],
    ['pings', 'previewFieldPings', payload.pings.map((ping) => t('planQuoted', ping.message)).join('; ')],
    ['name', 'previewFieldName', payload.teacher.name],
    ['school', 'previewFieldSchool', payload.teacher.school],
  ];
}

/** A volunteer's offer: who, how the chat reaches them, the tools and their note. */
function volunteerFields(payload: MentorVolunteerPayload): Array<[PreviewField['id'], MessageKey, string | undefined]> {
  return [
    ['name', 'previewFieldName', payload.teacher.name],
    ['school', 'previewFieldSchool', payload.teacher.school],
    ['handle', 'previewFieldHandle', payload.handle],
    ['tools', 'previewFieldTools', toolNames(payload.tools)],
    ['note', 'previewFieldNote', payload.note],
  ];
}

function keep(fields: Array<[PreviewField['id'], MessageKey, string | undefined]>): PreviewField[] {
  return fields
    .filter((field): field is [PreviewField['id'], MessageKey, string] => !!field[2]?.trim())
    .map(([id, key, value]) => ({ id, label: t(key), value }));
}
