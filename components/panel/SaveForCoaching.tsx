import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { Field } from '../shared/Field';
import { InlineForm } from './InlineForm';
import { db, type CardRecord, type OutboxItem, type PlanGoalRecord, type PlanSavedRecord } from '@/utils/platform/db';
import type { HelpRequestPayload } from '@/utils/endpoints/types';
import { t } from '@/utils/platform/i18n';
import { PLAN_TEXT_LIMITS, removeSaved, saveCard, savePing } from '@/utils/plan/store';

export type SaveTarget = { kind: 'card'; card: CardRecord } | { kind: 'ping'; item: OutboxItem & { payload: HelpRequestPayload } };

interface Props {
  target: SaveTarget;
  /** What the buttons act on, in their names ("Grade with a rubric"). */
  what: string;
  /** Unique on the page: the form's ids start with it. */
  id: string;
}

/**
 * "Save for my coaching conversation" on a card or a sent ping: an optional note and goal, then
 * it is in the teacher's plan (on this device). Once saved it says so, with Edit and Remove.
 */
export function SaveForCoaching({ target, what, id }: Props) {
  const key = target.kind === 'card' ? target.card.key : target.item.id;
  const saved = useLiveQuery(
    () => (target.kind === 'card' ? db.planSaved.where('card.key').equals(key).first() : db.planSaved.where('ping.id').equals(key).first()),
    [target.kind, key],
  );
  const goals = useLiveQuery(() => db.goals.orderBy('createdAt').toArray(), []);
  const [editing, setEditing] = useState(false);
  // After the form closes, reading goes on from what it did (the saved line), not the page's top.
  const [returnFocus, setReturnFocus] = useState(false);
  const after = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!editing && returnFocus) {
      after.current?.focus();
      setReturnFocus(false);
    }
  }, [editing, returnFocus, saved]);
  if (saved === undefined && goals === undefined) return null;

  if (editing && goals) {
    const done = () => {
      setEditing(false);
      setReturnFocus(true);
    };
    return <SaveForm target={target} saved={saved} goals={goals} id={id} what={what} onDone={done} />;
  }
  if (saved) {
    const goal = goals?.find((entry) => entry.id === saved.goalId);
    return (
      <div class="save-coaching save-coaching--saved" data-testid="saved-for-coaching">
        <p class="save-coaching__state" tabIndex={-1} ref={(element) => void (after.current = element)}>
          <span aria-hidden="true">✓ </span>
          {goal ? t('planSavedUnderGoal', goal.text) : t('planSavedForCoaching')}
        </p>
        {saved.note && <p class="save-coaching__note">{saved.note}</p>}
        <div class="save-coaching__actions">
          <button type="button" class="link-button" aria-label={t('planEditSavedLabel', what)} onClick={() => setEditing(true)}>
            {t('planEditSaved')}
          </button>
          <button
            type="button"
            class="link-button"
            aria-label={t('planRemoveSavedLabel', what)}
            onClick={() =>
              removeSaved(saved.id).catch((error: unknown) => console.error('Coachmark: could not remove a saved item', error))
            }
          >
            {t('planRemoveSaved')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="save-coaching">
      <button
        type="button"
        class="save-coaching__open"
        ref={(element) => void (after.current = element)}
        aria-label={t('planSaveLabel', what)}
        onClick={() => setEditing(true)}
      >
        {t('planSave')}
      </button>
    </div>
  );
}

function SaveForm({
  target,
  saved,
  goals,
  id,
  what,
  onDone,
}: {
  target: SaveTarget;
  saved: PlanSavedRecord | undefined;
  goals: PlanGoalRecord[];
  id: string;
  what: string;
  onDone: () => void;
}) {
  const [note, setNote] = useState(saved?.note ?? '');
  const [goalId, setGoalId] = useState<string>(saved?.goalId ?? '');
  const noteBox = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteBox.current?.focus({ preventScroll: true }), []);
  const save = async () => {
    const options = { note, goalId: goalId || null };
    if (target.kind === 'card') await saveCard(target.card, options);
    else await savePing(target.item, options);
    onDone();
  };
  return (
    <InlineForm
      class="save-coaching save-coaching--form"
      label={t('planSaveFormLabel', what)}
      submitLabel={t('planSaveSubmit')}
      cancelLabel={t('cancel')}
      onSave={save}
      onCancel={onDone}
    >
      <Field id={`${id}-note`} label={t('planNoteLabel')} hint={t('planNoteHint')}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={PLAN_TEXT_LIMITS.note}
            value={note}
            ref={noteBox}
            onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)}
          />
        )}
      </Field>
      {goals.length > 0 && (
        <Field id={`${id}-goal`} label={t('planGoalLabel')}>
          {(control) => (
            <select {...control} value={goalId} onChange={(event) => setGoalId((event.target as HTMLSelectElement).value)}>
              <option value="">{t('planGoalNone')}</option>
              {goals.map((goal) => (
                <option key={goal.id} value={goal.id}>
                  {goal.text}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </InlineForm>
  );
}
