import { useEffect, useRef, useState } from 'preact/hooks';
import { Field } from '../shared/Field';
import { InlineForm } from './InlineForm';
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
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus({ preventScroll: true }), []);
  const save = async () => {
    if (text.trim()) await addReflection({ text, card, goalId, source });
    onDone(text.trim() !== '');
  };
  return (
    <InlineForm
      class="reflection-prompt"
      label={card ? t('planReflectionFormLabel', card.title) : t('planReflectionQuestion')}
      submitLabel={t('planReflectionSave')}
      cancelLabel={t('planReminderNotNow')}
      onSave={save}
      onCancel={() => onDone(false)}
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
    </InlineForm>
  );
}
