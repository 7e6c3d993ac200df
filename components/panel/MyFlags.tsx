import { useLiveQuery } from '../hooks/use-live-query';
import { db, type GapRecord, type OutboxItem } from '@/utils/platform/db';
import { flagState, gapToPayload, type FlagState } from '@/utils/gaps/records';
import { GAP_KIND_LABEL_KEYS } from '@/utils/gaps/labels';
import { excerpt, formatTime, placeName } from '@/utils/platform/format';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { describeOutboxItem } from '@/utils/outbox/describe';
import { useGapUpkeep } from './use-gap-upkeep';

const SHOWN = 20;

const STATE_WORDS: Record<FlagState, MessageKey> = {
  open: 'flagStateOpen',
  sent: 'flagStateSent',
  addressed: 'flagStateAddressed',
  resolved: 'flagStateResolved',
};

interface MyFlagsData {
  flags: GapRecord[];
  items: Array<OutboxItem | undefined>;
  titles: Map<string, string>;
}

/** "My flags": what this teacher flagged, newest first, each with its state in words. */
export function MyFlags() {
  useGapUpkeep();
  const data = useLiveQuery(async (): Promise<MyFlagsData> => {
    const flags = (await db.gaps.where('origin').equals('mine').toArray()).sort((a, b) => b.createdAt - a.createdAt).slice(0, SHOWN);
    const items = await db.outbox.bulkGet(flags.map((flag) => flag.id));
    const keys = flags.map((flag) => flag.addressedByCardKey).filter((key): key is string => key !== undefined);
    const cards = await db.cards.bulkGet(keys);
    const titles = new Map(cards.filter((card) => card !== undefined).map((card) => [card.key, card.title]));
    return { flags, items, titles };
  }, []);
  if (!data || data.flags.length === 0) return null;
  return (
    <section class="my-flags" aria-labelledby="my-flags-title">
      <h2 id="my-flags-title" class="section-title">
        {t('myFlagsTitle')}
      </h2>
      <ul class="my-flags__list">
        {data.flags.map((flag, index) => (
          <FlagEntry
            key={flag.id}
            flag={flag}
            item={data.items[index]}
            cardTitle={flag.addressedByCardKey ? data.titles.get(flag.addressedByCardKey) : undefined}
          />
        ))}
      </ul>
    </section>
  );
}

function FlagEntry({ flag, item, cardTitle }: { flag: GapRecord; item?: OutboxItem; cardTitle?: string }) {
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
    </li>
  );
}

function detail(flag: GapRecord, state: FlagState, item: OutboxItem | undefined, cardTitle: string | undefined): string {
  if (state === 'addressed') {
    const title = cardTitle ?? flag.addressedByCardKey ?? '';
    return t(flag.kind === 'unhelpful' || flag.kind === 'outdated' ? 'myFlagUpdatedCard' : 'myFlagNewCard', title);
  }
  if (state === 'resolved') return t('myFlagFlaggedAt', formatTime(flag.createdAt));
  if (item) return describeOutboxItem(item, formatTime).text;
  if (state === 'sent') return t('myFlagFlaggedAt', formatTime(flag.createdAt));
  return flag.queuedAt === undefined ? t('myFlagWaitingEndpoint') : t('myFlagNotInOutbox');
}
