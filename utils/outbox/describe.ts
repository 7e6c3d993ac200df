import type { OutboxItem } from '../platform/db';
import { endpointHost } from '../endpoints';
import { t } from '../platform/i18n';

/** The item's state in words a teacher can act on (from the locale files). */
export function describeOutboxItem(
  item: OutboxItem,
  formatTime: (epoch: number) => string,
): { state: OutboxItem['status'] | 'waiting'; text: string } {
  const where = endpointHost(item.endpoint.url);
  switch (item.status) {
    case 'sent':
      return { state: 'sent', text: t('outboxSent', [where, formatTime(item.sentAt ?? item.createdAt)]) };
    case 'sending':
      return { state: 'sending', text: t('outboxSending', where) };
    case 'failed':
      return { state: 'failed', text: t('outboxFailed', describeError(item)) };
    default:
      if (item.attempts === 0) return { state: 'queued', text: t('outboxQueued', where) };
      if (item.lastError === 'offline') return { state: 'waiting', text: t('outboxWaitingNetwork', formatTime(item.nextAttemptAt)) };
      return { state: 'waiting', text: t('outboxWaitingRetry', [describeError(item), formatTime(item.nextAttemptAt)]) };
  }
}

function describeError(item: OutboxItem): string {
  switch (item.lastError) {
    case 'http':
      return t('deliveryErrorHttp', String(item.lastStatus ?? '?'));
    case 'rate-limited':
      return t('deliveryErrorRateLimited');
    case 'timeout':
      return t('deliveryErrorTimeout');
    case 'offline':
      return t('deliveryErrorOffline');
    case 'redirect':
      return t('deliveryErrorRedirect');
    default:
      return t('deliveryErrorNetwork');
  }
}
