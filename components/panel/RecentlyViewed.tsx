import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks';
import { CardView } from './CardView';
import { db, type CardRecord } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { feedbackByKey, recentlyViewed } from '@/utils/cards/personal';

/** Cards fetched per snapshot: the strip shows fewer once the page's own cards are left out. */
const SNAPSHOT_SIZE = 12;
export const RECENT_SHOWN = 5;

export function loadRecentSnapshot(tool: string | undefined): Promise<CardRecord[]> {
  return recentlyViewed(db, { tool, limit: SNAPSHOT_SIZE });
}

/**
 * The cards opened before, read once each time a page (`place`) is shown rather than live: a
 * card the teacher opens now must not jump into the strip above what they are reading.
 */
export function useRecentSnapshot(tool: string | undefined, place: string = tool ?? ''): CardRecord[] | undefined {
  const [snapshot, setSnapshot] = useState<{ place: string; cards: CardRecord[] } | undefined>(undefined);
  useEffect(() => {
    let active = true;
    loadRecentSnapshot(tool).then(
      (cards) => active && setSnapshot({ place, cards }),
      (error: unknown) => {
        if (!active) return;
        console.error('Coachmark: could not read recently viewed cards', error);
        setSnapshot({ place, cards: [] });
      },
    );
    return () => {
      active = false;
    };
  }, [tool, place]);
  return snapshot && snapshot.place === place ? snapshot.cards : undefined;
}

/** "Recently viewed" on its own, for a page that is not a tool: every tool's cards. */
export function RecentlyViewed() {
  const snapshot = useRecentSnapshot(undefined);
  const feedbackList = useLiveQuery(() => db.feedback.toArray(), []);
  const feedback = useMemo(() => feedbackByKey(feedbackList ?? []), [feedbackList]);
  const [open, setOpen] = useState<string | null>(null);
  if (!snapshot || !feedbackList) return null;
  const cards = snapshot.filter((card) => !feedback.get(card.key)?.known).slice(0, RECENT_SHOWN);
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="recent-cards" data-testid="recent-cards" class="recent">
      <h2 id="recent-cards" class="section-title">
        {t('recentlyViewed')}
      </h2>
      <ul class="card-list">
        {cards.map((card) => (
          <li key={card.key}>
            <CardView
              card={card}
              idPrefix="recent"
              compact
              showTools
              expanded={open === card.key}
              onToggle={() => setOpen((current) => (current === card.key ? null : card.key))}
              feedback={feedback.get(card.key)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
