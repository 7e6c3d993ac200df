import { t, tn } from '@/utils/platform/i18n';
import { useState } from 'preact/hooks';
import { addStep, moveStep, removeStep, setStepTarget, type CardDraft } from '@/utils/cards/draft';
import { describeLocator, targetLocators } from '@/utils/show-me/locate';
import { PickOnPage } from './PickOnPage';

interface Props {
  draft: CardDraft;
  onDraft: (draft: CardDraft) => void;
  /** The error for a step, or for the steps as a whole (index -1). */
  errorFor: (index: number) => string | undefined;
}

/** Steps in order, each Markdown: add, remove, and move up or down (keeping "show me" targets). */
export function StepsEditor({ draft, onDraft, errorFor }: Props) {
  const listError = errorFor(-1);
  const [pickingStep, setPickingStep] = useState<number | null>(null);
  const setStep = (index: number, value: string) =>
    onDraft({ ...draft, steps: draft.steps.map((step, i) => (i === index ? value : step)) });
  return (
    <fieldset class="field steps-editor">
      <legend>{t('editorSteps')}</legend>
      <ol class="steps-editor__list">
        {draft.steps.map((step, index) => {
          const number = String(index + 1);
          const id = `editor-step-${index}`;
          const error = errorFor(index);
          return (
            <li key={index} class="steps-editor__step">
              <label for={id}>{t('editorStep', number)}</label>
              <textarea
                id={id}
                rows={2}
                value={step}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${id}-error` : undefined}
                onInput={(event) => setStep(index, event.currentTarget.value)}
              />
              {error && (
                <p id={`${id}-error`} class="error">
                  {error}
                </p>
              )}
              <StepTarget
                draft={draft}
                index={index}
                picking={pickingStep === index}
                onPicking={(on) => setPickingStep(on ? index : null)}
                onDraft={onDraft}
              />
              <div class="button-row">
                <button
                  type="button"
                  aria-label={t('editorMoveStepUp', number)}
                  disabled={index === 0}
                  onClick={() => onDraft(moveStep(draft, index, index - 1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('editorMoveStepDown', number)}
                  disabled={index === draft.steps.length - 1}
                  onClick={() => onDraft(moveStep(draft, index, index + 1))}
                >
                  ↓
                </button>
                <button type="button" aria-label={t('editorRemoveStep', number)} onClick={() => onDraft(removeStep(draft, index))}>
                  ×
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {listError && <p class="error">{listError}</p>}
      <button type="button" onClick={() => onDraft(addStep(draft))}>
        {t('editorAddStep')}
      </button>
    </fieldset>
  );
}

interface StepTargetProps {
  draft: CardDraft;
  index: number;
  picking: boolean;
  onPicking: (on: boolean) => void;
  onDraft: (draft: CardDraft) => void;
}

/**
 * The step's "show me" target: what it points at and the ways to find it, tried in order (its
 * locators, then any older CSS selectors), and "Pick on page" to choose or change it.
 */
function StepTarget({ draft, index, picking, onPicking, onDraft }: StepTargetProps) {
  const target = draft.targets?.find((existing) => existing.step === index);
  const number = String(index + 1);
  const ways = target ? targetLocators(target).map(describeLocator) : [];
  return (
    <div class="steps-editor__target">
      {target && (
        <>
          <p class="hint">
            {tn('editorStepTarget', ways.length, target.label || ways[0] || '')}{' '}
            <button
              type="button"
              aria-label={t('editorRemoveStepTarget', number)}
              onClick={() => onDraft(setStepTarget(draft, index, null))}
            >
              {t('editorRemoveTarget')}
            </button>
          </p>
          {ways.length > 0 && (
            <ol class="steps-editor__locators" aria-label={t('editorStepTargetWays', number)}>
              {ways.map((way, at) => (
                <li key={`${at}:${way}`}>
                  <code>{way}</code>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      <button type="button" aria-expanded={picking} aria-label={t('editorPickStepTarget', number)} onClick={() => onPicking(!picking)}>
        {t('pickOnPage')}
      </button>
      {picking && (
        <PickOnPage
          tools={draft.tools.length > 0 ? draft.tools : undefined}
          onPicked={(locate, label) => {
            onDraft(setStepTarget(draft, index, label ? { locate, label } : { locate }));
            onPicking(false);
          }}
        />
      )}
    </div>
  );
}
