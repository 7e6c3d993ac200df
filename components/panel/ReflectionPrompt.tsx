import { useEffect, useRef, useState } from 'preact/hooks';
import { Field } from '../shared/Field';
import type { CardRecord, PlanReflectionRecord } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { addReflection, PLAN_TEXT_LIMITS } from '@/utils/plan/store';

/**
 * "How did it go?": one optional question after a card's steps were used ("This helped", or a
 * walkthrough finished). The answer goes into the plan, with the goal the card is saved under;
 * it is never sent by itself.
 */
export function ReflectionPrompt({
  card,
  goalId,
  id,
  source,
  onDone,
}: {
  /** The card whose steps were used; the reflection goes with the goal it is saved under. */
  card?: CardRecord;
  /** Or a goal, asked from the plan. */
  goalId?: string;
  id: string;
  source: PlanReflectionRecord['source'];
  /** `saved`: the teacher wrote something and it is stored. */
  onDone: (saved: boolean) => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus({ preventScroll: true }), []);
  const save = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return onDone(false);
    try {
      await addReflection({ text, card, goalId, source });
      onDone(true);
    } catch (failure) {
      setError(t('planSaveFailed', failure instanceof Error ? failure.message : String(failure)));
    }
  };
  return (
    <form
      class="reflection-prompt"
      aria-label={card ? t('planReflectionFormLabel', card.title) : t('planReflectionQuestion')}
      onSubmit={(event) => void save(event)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onDone(false);
      }}
    >
      <Field id={`${id}-reflection`} label={t('planReflectionQuestion')} hint={t('planReflectionHint')}>
        {(control) => (
          <textarea
            {...control}
            ref={box}
            rows={2}
            maxLength={PLAN_TEXT_LIMITS.reflection}
            value={text}
            onInput={(event) => setText((event.target as HTMLTextAreaElement).value)}
          />
        )}
      </Field>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div class="save-coaching__actions">
        <button type="submit" class="primary">
          {t('planReflectionSave')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('planReminderNotNow')}
        </button>
      </div>
    </form>
  );
}
