import { useEffect, useState } from 'preact/hooks';
import type { GapRecord } from '@/utils/platform/db';
import { t, tn } from '@/utils/platform/i18n';
import { sendMessage } from '@/utils/platform/messages';
import { GAP_KIND_LABEL_KEYS } from '@/utils/gaps/labels';
import { resolveGaps } from '@/utils/gaps/store';
import { summarizeFlags } from '@/utils/gaps/summary';
import type { HubFailure, HubFlagSyncResult } from '@/utils/hub/types';
import { describeHubFailure, HubFailureNotice } from './HubMessages';
import { formatWhen } from './sync-text';

/**
 * The Gaps tab with a Hub: the district's flags come into the gaps table (the background reads
 * them), so the tab's groups hold them; these add the sync status and "Refresh", the counts per
 * tool and week, and every flag of a page with its teacher's note, who sent it and its own
 * "Write a card for this" and "Mark resolved".
 */

type SyncState = { kind: 'running'; last?: HubFlagSyncResult } | { kind: 'done'; result: HubFlagSyncResult };

/** Asks the background to sync with the Hub now; the result, or "no answer" when the background is not there. */
export function syncHubFlags(): Promise<HubFlagSyncResult> {
  return sendMessage('studioSyncsHubFlags', {}).catch((): HubFlagSyncResult => ({
    outcome: 'failed',
    at: Date.now(),
    failure: { kind: 'network' },
  }));
}

/** Syncs when shown and on "Refresh", and says what the Hub answered. */
export function HubFlagsBar({ hub, refreshes }: { hub: string; refreshes: number }) {
  const [state, setState] = useState<SyncState>({ kind: 'running' });
  const [clicks, setClicks] = useState(0);
  useEffect(() => {
    let active = true;
    setState((current) => ({ kind: 'running', last: current.kind === 'done' ? current.result : current.last }));
    void syncHubFlags().then((result) => {
      if (active) setState({ kind: 'done', result });
    });
    return () => {
      active = false;
    };
  }, [hub, clicks, refreshes]);

  const shown = state.kind === 'done' ? state.result : state.last;
  return (
    <div class="gaps__hub" data-testid="hub-flags-status">
      <p class="hint">{t('gapsHubIntro', hub)}</p>
      <button type="button" onClick={() => setClicks((count) => count + 1)} disabled={state.kind === 'running'}>
        {state.kind === 'running' ? t('syncing') : t('gapsHubRefresh')}
      </button>
      <div role="status" aria-live="polite">
        {shown && <SyncText result={shown} hub={hub} />}
      </div>
    </div>
  );
}

function SyncText({ result, hub }: { result: HubFlagSyncResult; hub: string }) {
  if (result.outcome === 'none') return null;
  if (result.outcome === 'failed') return <HubFailureNotice failure={result.failure} hub={hub} />;
  return (
    <>
      <p class="notice notice--ok">{tn('gapsHubSynced', result.flags, [String(result.open), formatWhen(result.at)])}</p>
      {result.resolved > 0 && <p class="hint">{tn('gapsHubResolvedThere', result.resolved)}</p>}
      {result.unresolved > 0 && <p class="notice notice--error">{tn('gapsHubNotResolvedThere', result.unresolved)}</p>}
    </>
  );
}

/** Counts per tool and per week, for the coach's overview. */
export function HubFlagSummary({ gaps }: { gaps: readonly GapRecord[] }) {
  const summary = summarizeFlags(gaps, Date.now());
  if (gaps.length === 0) return null;
  const weekFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
  return (
    <section class="gaps__summary" aria-labelledby="gaps-summary-title" data-testid="hub-flag-summary">
      <h3 id="gaps-summary-title">{t('gapsSummaryHeading')}</h3>
      <table class="gaps__table">
        <caption class="visually-hidden">{t('gapsSummaryByTool')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('gapsSummaryTool')}</th>
            <th scope="col">{t('gapsSummaryFlags')}</th>
            <th scope="col">{t('gapsSummaryOpen')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.byTool.map((entry) => (
            <tr key={entry.tool} data-testid="summary-tool">
              <th scope="row">{entry.name}</th>
              <td>{entry.total}</td>
              <td>{entry.open}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('gapsSummaryByWeek')}</h4>
      <ul class="gaps__weeks">
        {summary.byWeek.map((entry) => (
          <li key={entry.week} data-testid="summary-week">
            {t('gapsSummaryWeek', [weekFormat.format(new Date(`${entry.week}T12:00:00`)), tn('gapsSummaryWeekCount', entry.total)])}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every flag of one page, newest first, each with its note, who sent it and its own actions. */
export function HubFlagList({
  gaps,
  writeCardHref,
  onResolved,
}: {
  gaps: readonly GapRecord[];
  writeCardHref: string;
  onResolved: () => void;
}) {
  const sorted = [...gaps].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <ul class="gaps__flags" data-testid="hub-flag-list">
      {sorted.map((gap) => (
        <HubFlagItem key={gap.id} gap={gap} writeCardHref={writeCardHref} onResolved={onResolved} />
      ))}
    </ul>
  );
}

function HubFlagItem({ gap, writeCardHref, onResolved }: { gap: GapRecord; writeCardHref: string; onResolved: () => void }) {
  const who = gap.teacher?.trim() || t('gapsHubUnnamedTeacher');
  const from = gap.school ? t('gapsHubFromSchool', [who, gap.school]) : who;
  const resolve = async () => {
    await resolveGaps([gap.id]);
    onResolved();
  };
  return (
    <li data-testid="hub-flag" data-id={gap.id}>
      {gap.note.trim() ? <p class="gaps__note">{gap.note}</p> : <p class="hint">{t('gapsNoNote')}</p>}
      <p class="hint">{[from, formatWhen(gap.createdAt), t(GAP_KIND_LABEL_KEYS[gap.kind]), statusText(gap)].join(' · ')}</p>
      {gap.hub?.lastError && (
        <p class="notice notice--error">{t('gapsHubResolveFailed', describeHubFailure(failureOf(gap.hub.lastError), gap.hub.url))}</p>
      )}
      <div class="gaps__actions">
        <a class="button" href={writeCardHref} aria-label={t('gapsHubWriteCardLabel', from)}>
          {t('gapsWriteCard')}
        </a>
        {gap.status !== 'resolved' && gap.status !== 'addressed' && (
          <button type="button" aria-label={t('gapsHubResolveLabel', from)} onClick={() => void resolve()}>
            {t('gapsResolve')}
          </button>
        )}
      </div>
    </li>
  );
}

function statusText(gap: GapRecord): string {
  if (gap.status === 'resolved' || gap.status === 'addressed') {
    if (gap.hub?.status === 'open') return t('gapsHubResolving');
    return gap.hub?.resolvedBy ? t('gapsHubResolvedBy', gap.hub.resolvedBy) : t('gapsHubResolved');
  }
  return t('gapsHubOpen');
}

/** A failure as a flag keeps it (flag-sync.background.ts writes `kind` or `http <status>`). */
function failureOf(code: string): HubFailure {
  const http = /^http (\d+)$/.exec(code);
  if (http) return { kind: 'http', status: Number(http[1]), errors: [] };
  if (code === 'invalid' || code === 'conflict') return { kind: code, errors: [] };
  const known = ['not-set', 'invalid-url', 'refused', 'not-found', 'unreadable', 'timeout', 'network'] as const;
  const kind = known.find((candidate) => candidate === code);
  return kind ? { kind } : { kind: 'network' };
}
