import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { db, type CardRecord, type GapRecord } from '@/utils/platform/db';
import type { GapKind } from '@/utils/endpoints/types';
import { gapsToCsv } from '@/utils/gaps/csv';
import { GAP_KIND_LABEL_KEYS } from '@/utils/gaps/labels';
import { groupGaps, type GapGroup } from '@/utils/gaps/groups';
import { parseGapImport, type GapImportError } from '@/utils/gaps/import';
import { gapToPayload } from '@/utils/gaps/records';
import { cardsPastReview, localDate, mostUnhelpful } from '@/utils/gaps/review';
import { importGapFlags, resolveGaps } from '@/utils/gaps/store';
import { watchGapUpdates } from '@/utils/gaps/updates';
import { t, tn } from '@/utils/platform/i18n';
import { downloadText } from '../shared/download';
import { hubConnection } from '@/utils/hub/address';
import { useSettings } from '../hooks/use-settings';
import { HubFlagList, HubFlagsBar, HubFlagSummary } from './HubFlags';
import { StepGaps } from './StepGaps';

/** A flags file bigger than this is not an export of flags. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const ERRORS_SHOWN = 50;
const SEARCHES_SHOWN = 8;

type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; added: number; known: number; duplicates: number; errors: GapImportError[] }
  | { kind: 'failed'; message: string };

/**
 * The coach's view of gaps: flags grouped by tool and page (the teacher's own and imported
 * ones, with this device's searches that found nothing), import and CSV export, "write a card
 * for this", the steps that stopped matching their page, and the cards to review (past their
 * review date, or often "didn't help").
 */
export function GapsTab() {
  const [showResolved, setShowResolved] = useState(false);
  const settings = useSettings();
  const hub = settings ? hubConnection(settings.values) : null;
  // A resolve here is sent to the Hub by the next sync: count them to start one.
  const [resolves, setResolves] = useState(0);
  const onResolved = () => setResolves((count) => count + 1);
  // Flags close here too when a card the coach writes or imports answers them.
  useEffect(() => watchGapUpdates(), []);
  const data = useLiveQuery(async () => {
    const [gaps, misses] = await Promise.all([db.gaps.toArray(), db.searchMisses.toArray()]);
    return { gaps, misses };
  }, []);
  if (!data || !settings) return <p class="status">{t('loading')}</p>;
  // Another Hub's flags (or a Hub's once none is set) are not this coach's to see.
  const known = data.gaps.filter((gap) => !gap.hub || gap.hub.adopted || gap.hub.url === hub?.url);
  const visible = showResolved ? known : known.filter((gap) => gap.status !== 'resolved');
  const groups = groupGaps(visible, data.misses);
  const byId = hub ? new Map(visible.map((gap) => [gap.id, gap])) : null;

  return (
    <section class="gaps" aria-labelledby="gaps-title">
      <h2 id="gaps-title">{t('gapsHeading')}</h2>
      <p class="hint">{t('gapsIntro')}</p>
      {hub && <HubFlagsBar hub={hub.url} refreshes={resolves} />}
      <div class="gaps__toolbar">
        <label class="field--checkbox">
          <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved((event.target as HTMLInputElement).checked)} />{' '}
          {t('gapsShowResolved')}
        </label>
        <button type="button" disabled={known.length === 0} onClick={() => downloadCsv(known.map(gapToPayload))}>
          {t('gapsExport')}
        </button>
      </div>
      {hub && <HubFlagSummary gaps={known} />}
      {groups.length === 0 ? (
        <p class="empty">{t('gapsEmpty')}</p>
      ) : (
        <GapGroups groups={groups} flagsOf={byId ? (group) => flagsIn(group, byId) : undefined} onResolved={onResolved} />
      )}
      <StepGaps gaps={visible} />
      <ImportFlags />
      <StaleCards />
    </section>
  );
}

/** The group's flags, as stored (the notes of every teacher, with a Hub). */
function flagsIn(group: GapGroup, byId: ReadonlyMap<string, GapRecord>): GapRecord[] {
  return group.gapIds.map((id) => byId.get(id)).filter((gap): gap is GapRecord => gap !== undefined);
}

interface GroupProps {
  /** With a Hub: every flag of a group, listed under it. */
  flagsOf?: (group: GapGroup) => GapRecord[];
  onResolved: () => void;
}

function GapGroups({ groups, flagsOf, onResolved }: { groups: GapGroup[] } & GroupProps) {
  return (
    <table class="gaps__table" data-testid="gap-groups">
      <thead>
        <tr>
          <th scope="col">{t('gapsColumnPage')}</th>
          <th scope="col">{t('gapsColumnFlags')}</th>
          <th scope="col">{t('gapsColumnNote')}</th>
          <th scope="col">{t('gapsColumnSearches')}</th>
          <th scope="col">{t('gapsColumnActions')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <GroupRow key={group.key} group={group} flags={flagsOf?.(group)} onResolved={onResolved} />
        ))}
      </tbody>
    </table>
  );
}

function GroupRow({ group, flags, onResolved }: { group: GapGroup; flags?: GapRecord[]; onResolved: () => void }) {
  const place = group.pageName ? `${group.toolName} ${t('headerSeparator')} ${group.pageName}` : group.toolName;
  const kinds = (Object.entries(group.kinds) as Array<[GapKind, number]>).map(([kind, count]) =>
    t('gapsKindCount', [t(GAP_KIND_LABEL_KEYS[kind]), String(count)]),
  );
  const params = new URLSearchParams({ tool: group.tool });
  if (group.context) params.set('context', group.context);
  const writeCardHref = `#cards?${params.toString()}`;
  const resolveAll = async () => {
    await resolveGaps(group.gapIds);
    onResolved();
  };
  const row = (
    <tr data-testid="gap-group" data-place={group.key}>
      <th scope="row">{place}</th>
      <td>
        <p class="gaps__count">{tn('gapsFlagCount', group.count, String(group.unresolved))}</p>
        {kinds.length > 0 && <p class="hint">{kinds.join(' · ')}</p>}
        {group.cards.length > 0 && (
          <p class="hint">{t('gapsCardsFlagged', group.cards.map((card) => `${card.title} (${card.count})`).join(', '))}</p>
        )}
      </td>
      <td>{group.newestNote ? <p class="gaps__note">{group.newestNote.text}</p> : <span class="hint">{t('gapsNoNote')}</span>}</td>
      <td>
        {group.searches.length > 0 ? (
          <ul class="gaps__searches">
            {group.searches.slice(0, SEARCHES_SHOWN).map((search) => (
              <li key={search.query}>
                {t('flagSearchQuoted', search.query)}
                {search.count > 1 && <span class="hint"> ×{search.count}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <span class="hint">—</span>
        )}
      </td>
      <td class="gaps__actions">
        <a class="button" href={writeCardHref} aria-label={t('gapsWriteCardLabel', place)}>
          {t('gapsWriteCard')}
        </a>
        {group.unresolved > 0 && (
          <button type="button" aria-label={t('gapsResolveLabel', place)} onClick={() => void resolveAll()}>
            {t('gapsResolve')}
          </button>
        )}
      </td>
    </tr>
  );
  if (!flags || flags.length === 0) return row;
  return (
    <>
      {row}
      <tr class="gaps__flags-row" data-testid="gap-group-flags" data-place={group.key}>
        <td colSpan={5}>
          <HubFlagList gaps={flags} writeCardHref={writeCardHref} onResolved={onResolved} />
        </td>
      </tr>
    </>
  );
}

function ImportFlags() {
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const run = async (event: Event) => {
    event.preventDefault();
    let input = text;
    if (file) {
      if (file.size > MAX_IMPORT_BYTES) {
        setState({ kind: 'failed', message: t('gapsImportTooLarge', `${(file.size / (1024 * 1024)).toFixed(1)} MB`) });
        return;
      }
      input = await file.text();
    }
    if (!input.trim()) {
      setState({ kind: 'failed', message: t('gapsImportNothing') });
      return;
    }
    setState({ kind: 'busy' });
    try {
      const parsed = parseGapImport(input);
      const { added, known } = await importGapFlags(parsed.gaps);
      setState({ kind: 'done', added, known, duplicates: parsed.duplicates, errors: parsed.errors });
      if (parsed.errors.length === 0) setText('');
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section class="gaps__import" aria-labelledby="gaps-import-title">
      <h3 id="gaps-import-title">{t('gapsImportHeading')}</h3>
      <p class="hint">{t('gapsImportIntro')}</p>
      <form onSubmit={(event) => void run(event)}>
        <div class="field">
          <label for="gaps-import-file">{t('gapsImportFile')}</label>
          <input
            id="gaps-import-file"
            type="file"
            accept=".jsonl,.ndjson,.json,.csv,.txt,application/json,text/csv,text/plain"
            onChange={(event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)}
          />
        </div>
        <div class="field">
          <label for="gaps-import-text">{t('gapsImportPaste')}</label>
          <textarea id="gaps-import-text" rows={5} value={text} onInput={(event) => setText((event.target as HTMLTextAreaElement).value)} />
        </div>
        <button type="submit" class="primary" disabled={state.kind === 'busy'}>
          {t('gapsImportButton')}
        </button>
      </form>
      <div role="status" aria-live="polite" data-testid="gaps-import-result">
        {state.kind === 'failed' && <p class="notice notice--error">{state.message}</p>}
        {state.kind === 'done' && (
          <div class={`notice ${state.errors.length ? 'notice--error' : 'notice--ok'}`}>
            <p>
              {tn('gapsImportAdded', state.added)}
              {state.known + state.duplicates > 0 && ` ${tn('gapsImportKnown', state.known + state.duplicates)}`}
            </p>
            {state.errors.length > 0 && (
              <>
                <p>{tn('gapsImportErrors', state.errors.length)}</p>
                <ul class="errors">
                  {state.errors.slice(0, ERRORS_SHOWN).map((error) => (
                    <li key={error.line}>{t('gapsImportLine', [String(error.line), error.message])}</li>
                  ))}
                </ul>
                {state.errors.length > ERRORS_SHOWN && <p>{t('gapsImportMore', String(state.errors.length - ERRORS_SHOWN))}</p>}
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

function StaleCards() {
  const data = useLiveQuery(async () => {
    const today = localDate(Date.now());
    // reviewBy has no index: the studio reads the cards once per change, which is fine here.
    const overdue = cardsPastReview(await db.cards.filter((card) => card.reviewBy !== undefined && card.reviewBy < today).toArray(), today);
    const [feedback, gaps] = await Promise.all([db.feedback.toArray(), db.gaps.filter((gap) => gap.kind === 'unhelpful').toArray()]);
    const unhelpful = mostUnhelpful(feedback, gaps);
    const cards = await db.cards.bulkGet(unhelpful.map((entry) => entry.cardKey));
    return { overdue, unhelpful: unhelpful.map((entry, index) => ({ ...entry, card: cards[index] })) };
  }, []);
  if (!data) return null;
  return (
    <section class="gaps__stale" aria-labelledby="gaps-stale-title">
      <h3 id="gaps-stale-title">{t('gapsStaleHeading')}</h3>
      <h4>{t('gapsPastReviewHeading')}</h4>
      {data.overdue.length === 0 ? (
        <p class="empty">{t('gapsPastReviewEmpty')}</p>
      ) : (
        <ul class="gaps__cards" data-testid="cards-past-review">
          {data.overdue.map((card) => (
            <li key={card.key}>
              <CardLine card={card} />
              <span class="hint"> {t('gapsReviewBy', card.reviewBy ?? '')}</span>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('gapsUnhelpfulHeading')}</h4>
      {data.unhelpful.length === 0 ? (
        <p class="empty">{t('gapsUnhelpfulEmpty')}</p>
      ) : (
        <ul class="gaps__cards" data-testid="cards-unhelpful">
          {data.unhelpful.map((entry) => (
            <li key={entry.cardKey}>
              {entry.card ? <CardLine card={entry.card} /> : <span>{entry.cardKey}</span>}
              <span class="hint">
                {' '}
                {t('gapsUnhelpfulCount', [
                  tn('gapsUnhelpfulTimes', entry.total),
                  tn('gapsUnhelpfulFlags', entry.flags),
                  tn('gapsUnhelpfulVotes', entry.votes),
                ])}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CardLine({ card }: { card: CardRecord }) {
  return (
    <span>
      <strong>{card.title}</strong> <span class="hint">({card.pack})</span>
    </span>
  );
}

/** Saves the flags as a CSV file (with a byte-order mark so spreadsheets read it as UTF-8). */
function downloadCsv(payloads: Parameters<typeof gapsToCsv>[0]): void {
  downloadText(`\uFEFF${gapsToCsv(payloads)}`, `coachmark-flags-${localDate(Date.now())}.csv`, 'text/csv;charset=utf-8');
}
