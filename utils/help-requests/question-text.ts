import type { HelpRequestPayload } from '../endpoints/types';
import { placeName } from '../platform/format';
import { t } from '../platform/i18n';

/**
 * The teacher's question as plain text for other ways of asking (the clipboard, an e-mail to
 * the tech coach): their words, then where they are, with the same page address a ping would
 * carry (redacted unless they chose the full one). Nothing else of the payload.
 */
export function questionText(payload: Pick<HelpRequestPayload, 'message' | 'tool' | 'page'>): string {
  const place = placeName(payload);
  const where = payload.page.url ? `${place}: ${payload.page.url}` : place;
  return `${payload.message.trim()}\n\n${where}`;
}

/** A mailto: link to the coach with the question filled in; null when the address is not one. */
export function coachMailto(coachEmail: string, payload: Pick<HelpRequestPayload, 'message' | 'tool' | 'page'>): string | null {
  const address = coachEmail.trim();
  if (!isEmailAddress(address)) return null;
  const subject = t('pingEmailSubject', placeName(payload));
  return `mailto:${encodeURIComponent(address).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(questionText(payload))}`;
}

/** One address, no spaces, no list: the shape a coach's e-mail setting must have. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@,;<>?&=/]+@[^\s@,;<>?&=/]+\.[^\s@,;<>?&=/]+$/.test(value);
}
