import type { PlanMetaRecord } from '../platform/db';

/**
 * The rhythm of coaching meetings: the teacher sets the date of the next one; the plan's period
 * runs from the day after the last meeting, so "pings since the last meeting" and reflections are
 * about what happened between two conversations. Dates are the teacher's local calendar days
 * (YYYY-MM-DD, what a date input gives), never times: a meeting is on a day, wherever the clock is.
 */

export const PLAN_META_ID = 'plan';

export const EMPTY_META: PlanMetaRecord = { id: PLAN_META_ID, nextMeeting: null, lastMeeting: null };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isPlanDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

/** The local calendar day of an instant. */
export function localDate(epoch: number): string {
  const date = new Date(epoch);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight at the start of a day. */
export function startOfDay(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).getTime();
}

/** The next calendar day (daylight saving changes included: dates, not 24 hours). */
export function dayAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return localDate(new Date(year, month - 1, day + 1).getTime());
}

/** The first day of the current period: the day after the last meeting, or null before the first. */
export function periodSince(meta: PlanMetaRecord): string | null {
  return meta.lastMeeting ? dayAfter(meta.lastMeeting) : null;
}

/** The period's start as an instant (0 before the first meeting: everything counts). */
export function periodStart(meta: PlanMetaRecord): number {
  const since = periodSince(meta);
  return since ? startOfDay(since) : 0;
}

/**
 * The meta once the calendar has moved on: a next meeting that is over (its day has passed)
 * becomes the last meeting, and a new period begins. Returns null when nothing changes.
 */
export function rolledMeta(meta: PlanMetaRecord, now: number): PlanMetaRecord | null {
  if (!meta.nextMeeting || localDate(now) <= meta.nextMeeting) return null;
  const { reminderDismissed: _dismissed, ...rest } = meta;
  return { ...rest, lastMeeting: meta.nextMeeting, nextMeeting: null };
}

export type MeetingReminder = 'today' | 'tomorrow';

/**
 * The one reminder the panel shows: on the day before the meeting and on the day itself, unless
 * the teacher put it away for this meeting. No notifications: a line in the panel.
 */
export function meetingReminder(meta: PlanMetaRecord | undefined, now: number): MeetingReminder | null {
  const meeting = meta?.nextMeeting;
  if (!meeting || meta.reminderDismissed === meeting) return null;
  const today = localDate(now);
  if (today === meeting) return 'today';
  if (dayAfter(today) === meeting) return 'tomorrow';
  return null;
}
