import type { OutboxItem } from '../platform/db';
import { endpointHost } from '../endpoints';
import type { MentorVolunteerPayload } from '../endpoints/types';
import { formatList } from '../platform/format';
import { t } from '../platform/i18n';

/**
 * The item's state in words a teacher can act on (from the locale files): what happened and what
 * to do, about "your school's chat", never the technical endpoint.
 */
export function describeOutboxItem(
  item: OutboxItem,
  formatTime: (epoch: number) => string,
): { state: OutboxItem['status'] | 'waiting'; text: string } {
  if (item.status === 'held' && item.heldFor === 'consent') return { state: 'held', text: t('outboxHeldConsent') };
  if (item.status === 'held' || !item.endpoint) return { state: 'held', text: t('outboxHeld') };
  const where = endpointHost(item.endpoint.url);
  switch (item.status) {
    case 'sent':
      return { state: 'sent', text: t('outboxSent', [where, formatTime(item.sentAt ?? item.createdAt)]) };
    case 'sending':
      return { state: 'sending', text: t('outboxSending', where) };
    case 'failed':
      return { state: 'failed', text: describeFailure(item) };
    default:
      if (item.attempts === 0) return { state: 'queued', text: t('outboxQueued', where) };
      return { state: 'waiting', text: describeRetry(item, formatTime(item.nextAttemptAt)) };
  }
}

/** Not delivered for good: what went wrong, and who can fix it (the school's settings, not the teacher). */
function describeFailure(item: OutboxItem): string {
  switch (item.lastError) {
    case 'http':
      return t('outboxRefused', String(item.lastStatus ?? '?'));
    case 'redirect':
      return t('outboxMoved');
    default:
      return t('outboxFailed');
  }
}

/** Not delivered yet: what happened, and that Coachmark tries again by itself. */
function describeRetry(item: OutboxItem, at: string): string {
  switch (item.lastError) {
    case 'offline':
      return t('outboxWaitingNetwork', at);
    case 'http':
      return t('outboxRetryServer', [String(item.lastStatus ?? '?'), at]);
    case 'rate-limited':
      return t('outboxRetryBusy', at);
    default:
      return t('outboxRetryUnreachable', at);
  }
}

/** "Canvas, Seesaw, and Nearpod" in the browser's language: the tools a volunteer offers, as the teacher reads them. */
export function toolNames(tools: MentorVolunteerPayload['tools']): string {
  return formatList(tools.map((tool) => tool.name.trim() || tool.id));
}

/** "Offer to help with Canvas, sent 10:42": a volunteer's offer as the outbox and its buttons name it. */
export function describeVolunteerOffer(payload: MentorVolunteerPayload, time: string): string {
  return t('outboxWhatVolunteer', [toolNames(payload.tools), time]);
}
