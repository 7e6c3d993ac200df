import type { GapRecord, OutboxItem } from '@/utils/platform/db';
import { flagState, gapToPayload, type FlagState } from '@/utils/gaps/records';
import { GAP_KIND_LABEL_KEYS } from '@/utils/gaps/labels';
import { excerpt, formatTime, placeName } from '@/utils/platform/format';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { describeOutboxItem } from '@/utils/outbox/describe';
import { OutboxItemActions } from './OutboxItemActions';
import type { FlagEntryData } from './use-requests';

const STATE_WORDS: Record<FlagState, MessageKey> = {
  open: 'flagStateOpen',
  sent: 'flagStateSent',
  addressed: 'flagStateAddressed',
  resolved: 'flagStateResolved',
};

/** "My flags": what this teacher flagged, newest first, each with its state in words. */
export function MyFlags({ entries }: { entries: FlagEntryData[] }) {
  if (entries.length === 0) return null;
  return (
    <section class="my-flags" aria-labelledby="my-flags-title">
      <h3 id="my-flags-title" class="section-title">
        {t('myFlagsTitle')}
      </h3>
      <ul class="my-flags__list">
        {entries.map((entry) => (
          <FlagEntry key={entry.flag.id} {...entry} />
        ))}
      </ul>
    </section>
  );
}

function FlagEntry({ flag, item, cardTitle }: FlagEntryData) {
  const state = flagState(flag, item);
  const payload = gapToPayload(flag);
  const kind = t(GAP_KIND_LABEL_KEYS[flag.kind]);
  const what = payload.card ? t('myFlagWhatCard', [kind, payload.card.title]) : kind;
  return (
    <li class={`my-flags__item my-flags__item--${state}`} data-testid="my-flag" data-state={state}>
      <p class="my-flags__what">
        {placeName(payload)} — {what}
      </p>
      {flag.note && <p class="my-flags__note">{excerpt(flag.note)}</p>}
      <p class="my-flags__state">
        <span class={`flag-state flag-state--${state}`}>{t(STATE_WORDS[state])}</span>{' '}
        <span class="my-flags__detail">{detail(flag, state, item, cardTitle)}</span>
      </p>
      {item && item.status !== 'sent' && state === 'open' && <OutboxItemActions item={item} />}
    </li>
  );
}

function detail(flag: GapRecord, state: FlagState, item: OutboxItem | undefined, cardTitle: string | undefined): string {
  if (state === 'addressed') {
    const title = cardTitle ?? flag.addressedByCardKey ?? '';
    return t(flag.kind === 'unhelpful' || flag.kind === 'outdated' ? 'myFlagUpdatedCard' : 'myFlagNewCard', title);
  }
  if (state === 'resolved') return t('myFlagFlaggedAt', formatTime(flag.createdAt));
  // "Sent" is already said by the state word: the detail says when it was flagged.
  if (state === 'sent') return t('myFlagFlaggedAt', formatTime(flag.createdAt));
  if (item) return describeOutboxItem(item, formatTime).text;
  return flag.queuedAt === undefined ? t('myFlagWaitingEndpoint') : t('myFlagNotInOutbox');
}
