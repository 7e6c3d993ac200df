import { useEffect, useRef, useState } from 'preact/hooks';
import { Field } from '../shared/Field';
import { downloadText } from '../shared/download';
import type { PlanData } from '@/utils/plan/store';
import { deletePlan, exportPlan, isPlanEmpty, rollPeriod, setNextMeeting } from '@/utils/plan/store';
import { isPlanDate, periodSince } from '@/utils/plan/period';
import { formatDay } from '@/utils/platform/format';
import { t } from '@/utils/platform/i18n';
import { usePlan } from './use-plan';
import { useLiveQuery } from '../hooks/use-live-query';
import { db } from '@/utils/platform/db';
import { describeOutboxItem } from '@/utils/outbox/describe';
import { formatTime } from '@/utils/platform/format';
import { OutboxItemActions } from './OutboxItemActions';
import { PlanGoals } from './PlanGoals';
import { PlanSavedList, PlanReflections } from './PlanEntries';
import { PlanSummary } from './PlanSummary';
import { reportFailure } from './report-failure';
import { lazyComponent, loadingStatus } from './lazy';
import { VolunteerSection, VOLUNTEER_BUTTON_ID } from './VolunteerSection';

// The offer form needs the endpoint formatters, which the plan itself does not.
const VolunteerForm = lazyComponent(() => import('./VolunteerForm').then((m) => m.VolunteerForm), loadingStatus);

export type PlanStep = 'plan' | 'summary' | 'volunteer';

/**
 * "My plan": the teacher's goals, what they saved for the coaching conversation, their
 * reflections and the next meeting; "Prepare for my meeting" turns it into the summary. All of
 * it on this device; "Delete my plan" removes it. "I can help others" offers the teacher as a mentor.
 */
export function PlanView({ tool, start, onClose }: { tool: string | null; start: PlanStep; onClose: () => void }) {
  const plan = usePlan();
  const [step, setStep] = useState<PlanStep>(start);
  const heading = useRef<HTMLHeadingElement>(null);
  // Back from the offer form, reading goes on at the button that opened it.
  const returnTo = useRef<string | null>(null);
  // A meeting whose day is over starts the next period.
  useEffect(() => void rollPeriod().catch(reportFailure('start a new plan period')), []);
  useEffect(() => {
    if (!plan || step !== 'plan') return;
    const opener = returnTo.current ? document.getElementById(returnTo.current) : null;
    returnTo.current = null;
    (opener ?? heading.current)?.focus();
  }, [plan !== undefined, step]);
  if (!plan) return <p class="status">{t('loading')}</p>;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };
  if (step === 'summary') {
    return (
      <div class="plan" onKeyDown={onKeyDown}>
        <PlanSummary onDone={() => setStep('plan')} />
      </div>
    );
  }
  if (step === 'volunteer') {
    const back = () => {
      returnTo.current = VOLUNTEER_BUTTON_ID;
      setStep('plan');
    };
    return (
      <div
        class="plan"
        onKeyDown={(event) => {
          // Escape leaves the offer for the plan, not the plan for the cards.
          if (event.key !== 'Escape' || event.defaultPrevented) return;
          event.preventDefault();
          back();
        }}
      >
        <VolunteerForm tool={tool} onDone={back} />
      </div>
    );
  }
  return (
    <div class="plan" role="region" aria-labelledby="plan-title" data-testid="plan" onKeyDown={onKeyDown}>
      <div class="requests__head">
        <h2 id="plan-title" class="sheet__title" tabIndex={-1} ref={heading}>
          {t('planTitle')}
        </h2>
        <button type="button" onClick={onClose}>
          {t('requestsBack')}
        </button>
      </div>
      <p class="hint">{t('planIntro')}</p>
      <MeetingDate plan={plan} />
      <button type="button" class="primary plan__prepare" onClick={() => setStep('summary')}>
        {t('planPrepare')}
      </button>
      <LastShared />
      <PlanGoals plan={plan} tool={tool} />
      <PlanSavedList plan={plan} />
      <PlanReflections plan={plan} />
      <VolunteerSection onOpen={() => setStep('volunteer')} />
      <PlanDataActions plan={plan} />
    </div>
  );
}

/**
 * The plan last sent to the coach, and how its delivery stands: a plan that could not go is
 * never out of sight, with Retry and Delete like a ping.
 */
function LastShared() {
  const item = useLiveQuery(
    () =>
      db.outbox
        .orderBy('createdAt')
        .reverse()
        .filter((entry) => entry.kind === 'growth-plan')
        .first(),
    [],
  );
  if (!item) return null;
  const { state, text } = describeOutboxItem(item, formatTime);
  return (
    <div class={`plan__shared outbox__item outbox__item--${state}`} data-testid="plan-last-shared" data-state={state}>
      <p class="outbox__what">{t('outboxWhatPlan', formatTime(item.createdAt))}</p>
      <p class="outbox__state">{text}</p>
      <OutboxItemActions item={item} />
    </div>
  );
}

function MeetingDate({ plan }: { plan: PlanData }) {
  const [value, setValue] = useState(plan.meta.nextMeeting ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setValue(plan.meta.nextMeeting ?? ''), [plan.meta.nextMeeting]);
  const since = periodSince(plan.meta);
  const save = (next: string) => {
    setValue(next);
    if (next !== '' && !isPlanDate(next)) return setError(t('planMeetingInvalid'));
    setError(null);
    setNextMeeting(next || null).catch(reportFailure('save the meeting date'));
  };
  return (
    <div class="plan__meeting">
      <Field
        id="plan-meeting"
        label={t('planMeetingLabel')}
        hint={since ? t('planSinceLastMeeting', formatDay(plan.meta.lastMeeting ?? since)) : t('planMeetingHint')}
        error={error}
      >
        {(control) => <input {...control} type="date" value={value} onChange={(event) => save((event.target as HTMLInputElement).value)} />}
      </Field>
    </div>
  );
}

function PlanDataActions({ plan }: { plan: PlanData }) {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const empty = isPlanEmpty(plan);
  const download = async () => {
    const data = await exportPlan();
    downloadText(`${JSON.stringify(data, null, 2)}\n`, `coachmark-plan-${data.exportedAt.slice(0, 10)}.json`);
    setStatus(t('planDownloaded'));
  };
  const remove = async () => {
    await deletePlan();
    setConfirming(false);
    setStatus(t('planDeleted'));
  };
  return (
    <section class="plan__data" aria-labelledby="plan-data-title">
      <h3 id="plan-data-title" class="section-title">
        {t('planDataHeading')}
      </h3>
      <p class="hint">{t('planDataHint')}</p>
      {confirming ? (
        <ConfirmDelete onConfirm={() => void remove().catch(reportFailure('delete the plan'))} onCancel={() => setConfirming(false)} />
      ) : (
        <div class="save-coaching__actions">
          <button type="button" disabled={empty} onClick={() => void download().catch(reportFailure('download the plan'))}>
            {t('planDownloadData')}
          </button>
          <button type="button" disabled={empty} onClick={() => setConfirming(true)}>
            {t('planDelete')}
          </button>
        </div>
      )}
      <p class="plan-share__status" role="status">
        {status}
      </p>
    </section>
  );
}

function ConfirmDelete({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div class="plan__confirm" role="group" aria-labelledby="plan-delete-question">
      <p id="plan-delete-question">{t('planDeleteQuestion')}</p>
      <div class="save-coaching__actions">
        <button type="button" class="danger" ref={confirm} onClick={onConfirm}>
          {t('planDeleteConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
