import { browser } from 'wxt/browser';
import { t } from './i18n';

/** Time today ("10:42"), or date and time for another day, in the browser's language. */
export function formatTime(epoch: number, now = Date.now()): string {
  const locale = browser.i18n.getUILanguage?.() || undefined;
  const date = new Date(epoch);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return date.toLocaleString();
  }
}

/**
 * A calendar day in the browser's language ("Thu, Dec 10, 2026"): a local date written
 * YYYY-MM-DD, or the day of an instant.
 */
export function formatDay(day: string | number): string {
  const locale = browser.i18n.getUILanguage?.() || undefined;
  let date: Date;
  if (typeof day === 'number') date = new Date(day);
  else {
    const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
    date = new Date(year, month - 1, dayOfMonth);
  }
  try {
    return new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }).format(date);
  } catch {
    return date.toDateString();
  }
}

/** "Canvas, Seesaw, and Nearpod": a list of names joined in the browser's language. */
export function formatList(names: readonly string[]): string {
  const locale = browser.i18n.getUILanguage?.() || undefined;
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** The start of a teacher's words on one line, cut at `max` characters (not UTF-16 units) with an ellipsis. */
export function excerpt(text: string, max = 120): string {
  const chars = Array.from(text.trim().replace(/\s+/g, ' '));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** Where a link goes, as a reader knows the site ("youtube.com"); empty when it is not a URL. */
export function linkHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** "Canvas › SpeedGrader", or the tool alone when the page has no name: where a ping or flag is from. */
export function placeName({ tool, page }: { tool: { name: string }; page: { name: string | null } }): string {
  return page.name ? `${tool.name} ${t('headerSeparator')} ${page.name}` : tool.name;
}
