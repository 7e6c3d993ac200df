import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { db, type CardRecord, type GapRecord } from '@/utils/platform/db';
import { isCardKind } from '@/utils/gaps/kinds';
import { markAddressedSeen } from '@/utils/gaps/store';
import { t } from '@/utils/platform/i18n';
import { pageName, toolName } from '@/utils/tools/names';
import type { Detection } from '@/utils/tools/types';
import { CardView } from './CardView';

interface Shown {
  gap: GapRecord;
  card: CardRecord | undefined;
}

/**
 * "Your flag about SpeedGrader has a new card", said once per addressed flag while the teacher
 * is in that tool, in a live region, with the new card right under it. Once shown, the flag is
 * marked seen; the notice stays until the teacher dismisses it or leaves the tool.
 */
export function AddressedNotice({ detection }: { detection: Detection | null }) {
  const tool = detection?.tool ?? null;
  const fresh = useLiveQuery(async (): Promise<Shown[]> => {
    if (!tool) return [];
    const gaps = (await db.gaps.where('tool').equals(tool).toArray())
      .filter((gap) => gap.origin === 'mine' && gap.status === 'addressed' && gap.addressedSeenAt === undefined)
      .sort((a, b) => (b.addressedAt ?? 0) - (a.addressedAt ?? 0));
    const cards = await db.cards.bulkGet(gaps.map((gap) => gap.addressedByCardKey ?? ''));
    return gaps.map((gap, index) => ({ gap, card: cards[index] }));
  }, [tool]);
  const [shown, setShown] = useState<Shown[]>([]);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => setShown([]), [tool]);
  useEffect(() => {
    if (!fresh || fresh.length === 0) return;
    setShown((current) => [...fresh.filter((entry) => !current.some((known) => known.gap.id === entry.gap.id)), ...current]);
    void markAddressedSeen(fresh.map((entry) => entry.gap.id));
  }, [fresh]);

  // The live region is always there, so what is added to it is announced.
  return (
    <section
      class={`addressed${shown.length ? '' : ' addressed--empty'}`}
      aria-label={shown.length ? t('addressedRegion') : undefined}
      data-testid="addressed-notice"
    >
      <div role="status" aria-live="polite" class="addressed__live">
        {shown.map(({ gap, card }) => (
          <p key={gap.id} class="addressed__message">
            {message(gap, card)}
          </p>
        ))}
      </div>
      {shown.length > 0 && (
        <>
          <ul class="card-list addressed__cards">
            {unique(shown).map((card) => (
              <li key={card.key}>
                <CardView
                  card={card}
                  idPrefix="addressed"
                  expanded={open === card.key}
                  onToggle={() => setOpen((current) => (current === card.key ? null : card.key))}
                />
              </li>
            ))}
          </ul>
          <button type="button" class="addressed__dismiss" onClick={() => setShown([])}>
            {t('addressedDismiss')}
          </button>
        </>
      )}
    </section>
  );
}

function message(gap: GapRecord, card: CardRecord | undefined): string {
  if (isCardKind(gap.kind)) return t('addressedUpdatedCard', card?.title ?? gap.payload?.card?.title ?? gap.cardId ?? '');
  const place = pageName(gap.tool, gap.context) ?? gap.payload?.page.name ?? toolName(gap.tool);
  return t('addressedNewCard', place);
}

function unique(shown: Shown[]): CardRecord[] {
  const cards: CardRecord[] = [];
  for (const { card } of shown) if (card && !cards.some((known) => known.key === card.key)) cards.push(card);
  return cards;
}
