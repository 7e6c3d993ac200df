import type { GoalProgress, GrowthPlanPayload, PlanReflection, PlanSavedEntry } from '../endpoints/types';
import { COMFORT_LABEL_KEYS } from '../cards/comfort';
import { formatDay, placeName } from '../platform/format';
import { t, tn, type MessageKey } from '../platform/i18n';

/**
 * The meeting summary in the teacher's language, as one model that both the screen (and its
 * printout) and the Markdown copy are drawn from, so they say the same things. Read from the
 * growth-plan payload, so the summary holds exactly what Send would send.
 */

export const PROGRESS_KEYS: Record<GoalProgress, MessageKey> = {
  'not-started': 'planProgressNotStarted',
  trying: 'planProgressTrying',
  'getting-there': 'planProgressGettingThere',
  done: 'planProgressDone',
};

export interface SummaryItem {
  title: string;
  lines: string[];
}

export interface SummarySection {
  id: 'goals' | 'saved' | 'reflections' | 'pings';
  heading: string;
  items: SummaryItem[];
  /** Said when there are no items. */
  empty: string;
}

export interface PlanSummaryModel {
  title: string;
  /** School, next meeting, period. */
  meta: string[];
  sections: SummarySection[];
  /** How many older entries were left out to keep the plan within its size, when any were. */
  omitted: string | null;
}

const quoted = (text: string) => t('planQuoted', text);

function savedItem(entry: PlanSavedEntry): SummaryItem {
  const lines: string[] = [];
  if (entry.ping?.message) lines.push(t('planSavedPingAsked', quoted(entry.ping.message)));
  if (entry.note) lines.push(t('planNoteLine', entry.note));
  const title = entry.card
    ? entry.card.title
    : entry.ping
      ? savedPingTitle({ ...entry.ping, createdAt: Date.parse(entry.ping.createdAt) })
      : '';
  return { title, lines };
}

function reflectionItem(entry: PlanReflection): SummaryItem {
  const day = formatDay(Date.parse(entry.at));
  return { title: entry.card ? t('planReflectionOnCard', [day, entry.card.title]) : day, lines: [entry.text] };
}

/** "Canvas › SpeedGrader", as a ping's place is named everywhere else. */
function place(tool: { name: string }, page: string | null): string {
  return placeName({ tool, page: { name: page } });
}

/** A saved ping as the plan names it: "Help request about Canvas › SpeedGrader, Tue, Dec 1, 2026". */
export function savedPingTitle(ping: { tool: { name: string }; page: string | null; createdAt: number }): string {
  return t('planSavedPingTitle', [place(ping.tool, ping.page), formatDay(ping.createdAt)]);
}

export function summaryModel(payload: GrowthPlanPayload): PlanSummaryModel {
  const meta: string[] = [];
  if (payload.teacher.school) meta.push(payload.teacher.school);
  meta.push(payload.period.nextMeeting ? t('planNextMeetingOn', formatDay(payload.period.nextMeeting)) : t('planNextMeetingUnset'));
  meta.push(payload.period.since ? t('planSince', formatDay(payload.period.since)) : t('planSinceStart'));

  const goals: SummaryItem[] = payload.goals.map((goal) => {
    const lines = [t('planProgressLine', t(PROGRESS_KEYS[goal.progress]))];
    if (goal.tool) {
      lines.push(
        goal.comfort ? t('planToolLevelLine', [goal.tool.name, t(COMFORT_LABEL_KEYS[goal.comfort])]) : t('planToolLine', goal.tool.name),
      );
    }
    for (const entry of goal.saved) {
      const item = savedItem(entry);
      lines.push([t('planSavedLine', item.title), ...item.lines].join(' '));
    }
    for (const entry of goal.reflections) lines.push(t('planReflectionLine', [reflectionItem(entry).title, entry.text]));
    return { title: goal.text, lines };
  });

  const pings: SummaryItem[] = payload.pings.map((ping) => ({
    title: t('planPingTitle', [place(ping.tool, ping.page), formatDay(Date.parse(ping.createdAt))]),
    lines: [ping.message],
  }));

  const omittedCount = payload.omitted.saved + payload.omitted.reflections + payload.omitted.pings;
  return {
    title: payload.teacher.name ? t('planSummaryTitleFor', payload.teacher.name) : t('planSummaryTitle'),
    meta,
    sections: [
      { id: 'goals', heading: t('planGoalsHeading'), items: goals, empty: t('planGoalsNone') },
      { id: 'saved', heading: t('planSavedHeading'), items: payload.saved.map(savedItem), empty: t('planSavedNone') },
      {
        id: 'reflections',
        heading: t('planReflectionsHeading'),
        items: payload.reflections.map(reflectionItem),
        empty: t('planReflectionsNone'),
      },
      { id: 'pings', heading: t('planPingsHeading'), items: pings, empty: t('planPingsNone') },
    ],
    omitted: omittedCount > 0 ? tn('planOmitted', omittedCount) : null,
  };
}

/** Markdown's own characters in the teacher's words, escaped so they read as typed. */
function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\s*\n\s*/g, ' ')
      .trim()
      .replace(/([\\`*_[\]<>~|])/g, '\\$1')
      // An `&` only where it would start an entity ("&lt;"), so "Q&A" stays as typed.
      .replace(/&(?=#?\w+;)/g, '\\&')
      .replace(/^([#+\-=])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/** The summary as Markdown, for "Copy" and "Download (Markdown)". */
export function summaryMarkdown(model: PlanSummaryModel): string {
  const out: string[] = [`# ${escapeMarkdown(model.title)}`, '', ...model.meta.map((line) => `${escapeMarkdown(line)}  `), ''];
  for (const section of model.sections) {
    out.push(`## ${escapeMarkdown(section.heading)}`, '');
    if (section.items.length === 0) out.push(`_${escapeMarkdown(section.empty)}_`, '');
    for (const item of section.items) {
      out.push(`- **${escapeMarkdown(item.title)}**`);
      for (const line of item.lines) out.push(`  - ${escapeMarkdown(line)}`);
    }
    if (section.items.length > 0) out.push('');
  }
  if (model.omitted) out.push(`_${escapeMarkdown(model.omitted)}_`, '');
  return out.join('\n');
}
