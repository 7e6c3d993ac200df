import { useState } from 'preact/hooks';
import type { CardRecord } from '@/utils/platform/db';
import type { CardGapKind } from '@/utils/gaps/kinds';
import { GAP_KIND_LABEL_KEYS } from '@/utils/gaps/labels';
import { t } from '@/utils/platform/i18n';
import type { TabState } from '@/utils/tabs/tab-state';
import { lazyComponent } from './lazy';
import { usePanelTabId, useTabState } from './use-tab';

// Its own chunk, fetched when a flag button is first used (see lazy.tsx).
const FlagForm = lazyComponent(
  () => import('./FlagForm').then((m) => m.FlagForm),
  () => <p class="status">{t('loading')}</p>,
);

interface Props {
  card: CardRecord;
  /** The panel's tab; when left out, the form finds it itself (only once it is opened). */
  tabState?: TabState | null;
}

/**
 * "This card didn't help" and "This card is out of date" for one card: each opens the flag
 * form below the buttons with that kind and the card already chosen.
 */
export function CardFlagButtons({ card, tabState }: Props) {
  const [open, setOpen] = useState<CardGapKind | null>(null);
  const toggle = (kind: CardGapKind) => setOpen((current) => (current === kind ? null : kind));
  const close = () => setOpen(null);
  return (
    <div class="card-flags">
      <div class="card-flags__buttons">
        <button
          type="button"
          class="link-button"
          aria-expanded={open === 'unhelpful'}
          aria-label={t('flagCardUnhelpfulLabel', card.title)}
          onClick={() => toggle('unhelpful')}
        >
          {t(GAP_KIND_LABEL_KEYS.unhelpful)}
        </button>
        <button
          type="button"
          class="link-button"
          aria-expanded={open === 'outdated'}
          aria-label={t('flagCardOutdatedLabel', card.title)}
          onClick={() => toggle('outdated')}
        >
          {t(GAP_KIND_LABEL_KEYS.outdated)}
        </button>
      </div>
      {open &&
        (tabState === undefined ? (
          <FlagFormForPanelTab card={card} kind={open} onDone={close} />
        ) : (
          <FlagForm tabState={tabState} card={card} kind={open} onDone={close} />
        ))}
    </div>
  );
}

function FlagFormForPanelTab({ card, kind, onDone }: { card: CardRecord; kind: CardGapKind; onDone: () => void }) {
  const tabState = useTabState(usePanelTabId());
  if (tabState === undefined) return <p class="status">{t('loading')}</p>;
  return <FlagForm tabState={tabState} card={card} kind={kind} onDone={onDone} />;
}
