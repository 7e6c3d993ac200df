import type { GapRecord } from '../platform/db';
import { toolById } from '../tools/catalog';
import { localDate } from './review';

/** The coach's counts over many flags (a district's, from the Hub): per tool, and per week. */

export interface ToolCount {
  tool: string;
  name: string;
  total: number;
  /** Not yet resolved. */
  open: number;
}

export interface WeekCount {
  /** The Monday that starts the week, YYYY-MM-DD on this device's calendar. */
  week: string;
  total: number;
}

export interface FlagSummary {
  /** Most open flags first. */
  byTool: ToolCount[];
  /** The last `weeks` weeks, this week first, empty weeks included (a quiet week is news too). */
  byWeek: WeekCount[];
}

/** The Monday of the week `at` falls in, on this device's calendar. */
export function weekStart(at: number): string {
  const date = new Date(at);
  date.setHours(12, 0, 0, 0);
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  return localDate(date.getTime());
}

export function summarizeFlags(
  gaps: readonly Pick<GapRecord, 'tool' | 'status' | 'createdAt' | 'payload'>[],
  now: number,
  weeks = 6,
): FlagSummary {
  const tools = new Map<string, ToolCount>();
  const perWeek = new Map<string, number>();
  for (const gap of gaps) {
    let entry = tools.get(gap.tool);
    if (!entry) {
      entry = { tool: gap.tool, name: toolById(gap.tool)?.name ?? gap.payload?.tool.name ?? gap.tool, total: 0, open: 0 };
      tools.set(gap.tool, entry);
    }
    entry.total += 1;
    if (gap.status !== 'resolved') entry.open += 1;
    const week = weekStart(gap.createdAt);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  const byWeek: WeekCount[] = [];
  const cursor = new Date(`${weekStart(now)}T12:00:00`);
  for (let index = 0; index < weeks; index++) {
    const week = localDate(cursor.getTime());
    byWeek.push({ week, total: perWeek.get(week) ?? 0 });
    cursor.setDate(cursor.getDate() - 7);
  }
  return {
    byTool: [...tools.values()].sort((a, b) => b.open - a.open || b.total - a.total || a.name.localeCompare(b.name)),
    byWeek,
  };
}
