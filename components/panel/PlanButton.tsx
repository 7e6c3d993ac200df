import { t } from '@/utils/platform/i18n';

export const PLAN_BUTTON_ID = 'plan-button';

/** "My plan" in the panel's header: the teacher's goals and what they saved for their coach. */
export function PlanButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button type="button" id={PLAN_BUTTON_ID} class="header-button" aria-expanded={open} aria-controls="panel-main" onClick={onToggle}>
      {t('planButton')}
    </button>
  );
}
