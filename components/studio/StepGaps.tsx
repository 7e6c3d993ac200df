import { useLiveQuery } from '../hooks/use-live-query';
import { db, type GapRecord } from '@/utils/platform/db';
import { outdatedSteps } from '@/utils/gaps/steps';
import { targetMissSummary } from '@/utils/gaps/target-misses';
import { formatDay } from '@/utils/platform/format';
import { t, tn } from '@/utils/platform/i18n';

/** "This week": the local count looks back this far. */
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

interface StepLine {
  cardKey: string;
  /** Counted from 1. */
  step: number;
  /** The title to show when the card is not installed here. */
  fallbackTitle: string;
  /** "4 flags", "twice". */
  count: string;
  last: number;
}

/**
 * "Steps that stopped matching": the steps teachers flagged as out of date (the flags shown
 * above, grouped by card and step), and the "show me" targets this device could not find on
 * the page in the last seven days. A renamed button on a tool's page shows up here first.
 */
export function StepGaps({ gaps }: { gaps: readonly GapRecord[] }) {
  const flagged = outdatedSteps(gaps);
  const data = useLiveQuery(async () => {
    const misses = await targetMissSummary(Date.now() - WEEK_MS);
    const keys = [...new Set([...flagged.map((entry) => entry.cardKey), ...misses.map((entry) => entry.cardKey)])];
    const cards = await db.cards.bulkGet(keys);
    const titles = new Map(keys.map((key, index) => [key, cards[index]?.title]));
    return { misses, titles };
  }, [flagged.map((entry) => entry.cardKey).join('\n')]);
  if (!data) return null;

  const titleOf = (line: StepLine) => data.titles.get(line.cardKey) ?? line.fallbackTitle;
  const flaggedLines: StepLine[] = flagged.map((entry) => ({
    cardKey: entry.cardKey,
    step: entry.step,
    fallbackTitle: entry.title,
    count: tn('gapsStepFlagCount', entry.count),
    last: entry.last,
  }));
  const missLines: StepLine[] = data.misses.map((entry) => ({
    cardKey: entry.cardKey,
    step: entry.step + 1,
    fallbackTitle: entry.cardKey,
    count: tn('gapsStepMissTimes', entry.count),
    last: entry.last,
  }));
  const missTotal = data.misses.reduce((total, entry) => total + entry.count, 0);

  return (
    <section class="gaps__steps" aria-labelledby="gaps-steps-title">
      <h3 id="gaps-steps-title">{t('gapsStepsHeading')}</h3>
      <p class="hint">{t('gapsStepsIntro')}</p>
      <h4 id="gaps-steps-flagged">{t('gapsStepsFlaggedHeading')}</h4>
      {flaggedLines.length === 0 ? (
        <p class="empty">{t('gapsStepsFlaggedEmpty')}</p>
      ) : (
        <StepList lines={flaggedLines} titleOf={titleOf} labelledBy="gaps-steps-flagged" testId="outdated-steps" />
      )}
      <h4 id="gaps-steps-misses">{t('gapsStepsMissesHeading')}</h4>
      <p data-testid="target-miss-total">{tn('gapsStepMissCount', missTotal)}</p>
      {missLines.length > 0 && <StepList lines={missLines} titleOf={titleOf} labelledBy="gaps-steps-misses" testId="target-misses" />}
    </section>
  );
}

function StepList({
  lines,
  titleOf,
  labelledBy,
  testId,
}: {
  lines: StepLine[];
  titleOf: (line: StepLine) => string;
  labelledBy: string;
  testId: string;
}) {
  return (
    <ul class="gaps__cards" aria-labelledby={labelledBy} data-testid={testId}>
      {lines.map((line) => (
        <li key={`${line.cardKey}\u0000${line.step}`}>
          {t('gapsStepLine', [titleOf(line), String(line.step), line.count, formatDay(line.last)])}
        </li>
      ))}
    </ul>
  );
}
