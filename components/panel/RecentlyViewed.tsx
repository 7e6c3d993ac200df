import { useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { CardView } from './CardView';
import { db } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { feedbackByKey } from '@/utils/cards/feedback';
import { RECENT_SHOWN, useRecentSnapshot } from './use-recent-snapshot';

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
