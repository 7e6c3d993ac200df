import { useState } from 'preact/hooks';
import type { CardRecord } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { LazyFlagForm as FlagForm } from './lazy';
import { usePanelTab } from './panel-context';

interface Props {
  card: CardRecord;
  /** From 0. */
  stepIndex: number;
}

/**
 * "Tell my coach this step is out of date", offered where a step's control was not found on a
 * page the card is for: the flag form opens as an `outdated` flag about this card and step,
 * with a note the teacher can change, and sends only what its preview shows.
 */
export function OutdatedStepFlag({ card, stepIndex }: Props) {
  const [open, setOpen] = useState(false);
  const { tabState } = usePanelTab();
  const step = stepIndex + 1;
  const control = card.targets?.find((target) => target.step === stepIndex)?.label;
  if (open) {
    return (
      <FlagForm
        tabState={tabState ?? null}
        card={card}
        kind="outdated"
        step={step}
        initialNote={control ? t('outdatedStepNote', [String(step), control]) : t('outdatedStepNoteBare', String(step))}
        onDone={() => setOpen(false)}
      />
    );
  }
  return (
    <button
      type="button"
      class="show-me__outdated"
      aria-label={t('tellCoachStepOutdatedLabel', [String(step), card.title])}
      onClick={() => setOpen(true)}
    >
      {t('tellCoachStepOutdated')}
    </button>
  );
}
