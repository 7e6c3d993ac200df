import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { db, type CardRecord, type PackRecord } from '@/utils/platform/db';
import { sendMessage } from '@/utils/platform/messages';
import { showsOn } from '@/utils/platform/keys';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { contextName, toolById } from '@/utils/tools/catalog';
import { isPendingSubscription } from '@/utils/cards/subscriptions';
import type { StepTarget } from '@/utils/cards/schema';
import { describeLocator, targetLocators, type AnyLocator } from '@/utils/show-me/locate';
import type { TargetCheck, TargetState, ToolTab } from '@/utils/show-me/types';

/** One target of one card, as the check lists it. */
export interface TargetRow {
  card: CardRecord;
  target: StepTarget;
  locators: AnyLocator[];
}

/** A finished check: the rows it asked about, with the page's answer for each (null: no access). */
interface Checked {
  tab: ToolTab;
  pack: PackRecord;
  rows: TargetRow[];
  checks: TargetCheck[] | null;
}

type Progress = 'idle' | 'checking' | 'failed';

const PACK_GROUPS: Array<{ kind: PackRecord['source']['kind']; label: MessageKey }> = [
  { kind: 'local', label: 'packsGroupLocal' },
  { kind: 'builtin', label: 'packsGroupBuiltin' },
  { kind: 'url', label: 'packsGroupSubscribed' },
];

const STATE_ORDER: Record<TargetState, number> = { missing: 0, hidden: 1, found: 2 };
const STATE_TEXT: Record<TargetState, MessageKey> = {
  found: 'targetCheckFound',
  hidden: 'targetCheckHidden',
  missing: 'targetCheckMissing',
};

/** Packs worth checking, in the order the select lists them: the coach's own, built in, subscribed. */
export function checkablePacks(packs: readonly PackRecord[]): PackRecord[] {
  return PACK_GROUPS.flatMap(({ kind }) =>
    packs.filter((pack) => pack.source.kind === kind && !isPendingSubscription(pack)).sort((a, b) => a.name.localeCompare(b.name)),
  );
}

/**
 * The targets to check on a page: of these cards, those for the page's tool and context (or
 * for the tool as a whole, which shows on every page of it), in the pack's order, each target
 * in step order. Targets with no way to find them are left out.
 */
export function targetRows(cards: readonly CardRecord[], tool: string, context: string | null): TargetRow[] {
  const applying = cards
    .filter((card) => (card.targets?.length ?? 0) > 0 && showsOn(card.places, tool, context))
    .sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.title.localeCompare(b.title));
  return applying.flatMap((card) =>
    [...(card.targets ?? [])]
      .sort((a, b) => a.step - b.step)
      .map((target) => ({ card, target, locators: targetLocators(target) }))
      .filter((row) => row.locators.length > 0),
  );
}

/** Rows with their answers, missing first, then hidden, then found; the pack's order otherwise. */
export function sortByState(rows: readonly TargetRow[], checks: readonly TargetCheck[]): Array<{ row: TargetRow; check: TargetCheck }> {
  return rows
    .map((row, index) => ({ row, check: checks[index] ?? { state: 'missing' as const, locators: [] }, index }))
    .sort((a, b) => STATE_ORDER[a.check.state] - STATE_ORDER[b.check.state] || a.index - b.index)
    .map(({ row, check }) => ({ row, check }));
}

/** How the page is named: "SpeedGrader in Canvas", or the tool alone. */
function pageName(tab: Pick<ToolTab, 'tool' | 'context'>): string {
  const toolName = toolById(tab.tool)?.name ?? tab.tool;
  const context = contextName(tab.tool, tab.context);
  return context ? t('targetCheckPageName', [context, toolName]) : toolName;
}

function siteOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/**
 * "Check targets on a page": the coach picks an open tab on a tool and a pack, and sees, for
 * every target of the pack's cards for that page, whether "show me" finds it there.
 */
export function TargetChecker({ packs }: { packs: PackRecord[] }) {
  const offered = checkablePacks(packs);
  const [packId, setPackId] = useState<string | null>(null);
  const pack = offered.find((candidate) => candidate.id === packId) ?? offered[0];
  const packCards = useLiveQuery(
    async () => ({ packId: pack?.id, cards: pack ? await db.cards.where('pack').equals(pack.id).toArray() : [] }),
    [pack?.id],
  );
  // Until the chosen pack's cards arrive, the previous pack's are no answer.
  const cards = packCards && packCards.packId === pack?.id ? packCards.cards : undefined;
  const [tabs, setTabs] = useState<ToolTab[] | undefined>(undefined);
  const [tabId, setTabId] = useState<number | null>(null);
  const [progress, setProgress] = useState<Progress>('idle');
  const [checked, setChecked] = useState<Checked | null>(null);
  /** Once the coach has checked, another tab or pack is checked as soon as it is chosen. */
  const [active, setActive] = useState(false);
  const mounted = useRef(true);
  const latest = useRef(0);
  useEffect(() => () => void (mounted.current = false), []);

  const tab = tabs?.find((candidate) => candidate.tabId === tabId) ?? null;
  const rows = tab && cards ? targetRows(cards, tab.tool, tab.context) : null;

  const loadTabs = async () => {
    const found = await sendMessage('studioListsToolTabs', {}).catch((): ToolTab[] => []);
    if (!mounted.current) return;
    setTabs(found);
    setTabId((current) =>
      current !== null && found.some((candidate) => candidate.tabId === current) ? current : (found[0]?.tabId ?? null),
    );
  };
  useEffect(() => void loadTabs(), []);

  const check = async () => {
    if (!tab || !pack || !rows || rows.length === 0) return;
    const request = ++latest.current;
    setProgress('checking');
    let checks: TargetCheck[] | null;
    try {
      checks = await sendMessage('studioChecksTargets', { tabId: tab.tabId, targets: rows.map((row) => row.locators) });
    } catch {
      if (mounted.current && request === latest.current) setProgress('failed');
      return;
    }
    if (!mounted.current || request !== latest.current) return;
    setChecked({ tab, pack, rows, checks });
    setProgress('idle');
  };

  const ready = rows !== null && rows.length > 0;
  useEffect(() => {
    if (active && ready) void check();
  }, [active, ready, tab?.tabId, pack?.id]);

  const run = () => {
    if (active) void check();
    else setActive(true);
  };

  const shown = checked && tab && checked.tab.tabId === tab.tabId && checked.pack.id === pack?.id ? checked : null;
  const noTabs = tabs !== undefined && tabs.length === 0;
  const noCards = tab && pack && rows?.length === 0;

  return (
    <section class="studio-section target-check" aria-labelledby="target-check-heading">
      <h2 id="target-check-heading">{t('targetCheckHeading')}</h2>
      <p class="hint">{t('targetCheckIntro')}</p>
      <div class="target-check__choices">
        <div class="field">
          <label for="target-check-pack">{t('targetCheckPack')}</label>
          {offered.length === 0 ? (
            <p class="hint">{t('targetCheckNoPacks')}</p>
          ) : (
            <select
              id="target-check-pack"
              value={pack?.id ?? ''}
              onChange={(event) => setPackId((event.currentTarget as HTMLSelectElement).value)}
            >
              {PACK_GROUPS.map(({ kind, label }) => {
                const group = offered.filter((candidate) => candidate.source.kind === kind);
                if (group.length === 0) return null;
                return (
                  <optgroup key={kind} label={t(label)}>
                    {group.map((candidate) => (
                      <option key={candidate.id} value={candidate.id}>
                        {candidate.name}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </select>
          )}
        </div>
        <div class="field">
          <label for="target-check-tab">{t('targetCheckTab')}</label>
          {noTabs ? (
            <p class="hint">{t('targetCheckNoTabs')}</p>
          ) : (
            <select
              id="target-check-tab"
              value={tabId === null ? '' : String(tabId)}
              disabled={!tabs}
              onChange={(event) => setTabId(Number((event.currentTarget as HTMLSelectElement).value))}
            >
              {(tabs ?? []).map((candidate) => (
                <option key={candidate.tabId} value={String(candidate.tabId)}>
                  {t('pickTabOption', [candidate.title || candidate.url, pageName(candidate)])}
                </option>
              ))}
            </select>
          )}
        </div>
      </div>
      <div class="button-row">
        <button type="button" class="primary" onClick={run} disabled={!tab || !pack || !ready || progress === 'checking'}>
          {shown ? t('targetCheckAgain') : t('targetCheckRun')}
        </button>
        <button type="button" onClick={() => void loadTabs()}>
          {t('pickRefreshTabs')}
        </button>
      </div>
      <div class="target-check__status" role="status" aria-live="polite">
        {noCards ? (
          <p class="notice">{t('targetCheckNoCards', [pack.name, pageName(tab)])}</p>
        ) : progress === 'checking' ? (
          <p>{t('targetCheckChecking')}</p>
        ) : progress === 'failed' ? (
          <p class="notice notice--error">{t('targetCheckFailed')}</p>
        ) : shown ? (
          <CheckSummary checked={shown} />
        ) : null}
      </div>
      {!noCards && shown?.checks && <CheckTable checked={{ ...shown, checks: shown.checks }} />}
    </section>
  );
}

/** What the check found, in one line, or why it could not look. */
function CheckSummary({ checked }: { checked: Checked }) {
  if (!checked.checks) return <p class="notice notice--error">{t('targetCheckNoAccess', siteOf(checked.tab.url))}</p>;
  const count = (state: TargetState) => String(checked.checks!.filter((check) => check.state === state).length);
  return <p class="target-check__summary">{t('targetCheckSummary', [count('found'), count('hidden'), count('missing')])}</p>;
}

function CheckTable({ checked }: { checked: Checked & { checks: TargetCheck[] } }) {
  const sorted = sortByState(checked.rows, checked.checks);
  return (
    <table class="target-check__results">
      <caption>{t('targetCheckCaption', [checked.pack.name, pageName(checked.tab)])}</caption>
      <thead>
        <tr>
          <th scope="col">{t('targetCheckColCard')}</th>
          <th scope="col">{t('targetCheckColStep')}</th>
          <th scope="col">{t('targetCheckColTarget')}</th>
          <th scope="col">{t('targetCheckColResult')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map(({ row, check }) => {
          // A later locator found it: the first one may need fixing.
          const fallback =
            check.state === 'found' && (check.locators[0]?.visible ?? 0) === 0
              ? check.locators.findIndex((locator) => locator.visible > 0)
              : -1;
          return (
            <tr key={`${row.card.key}#${row.target.step}`} class={`target-check__row target-check__row--${check.state}`}>
              <th scope="row">{row.card.title}</th>
              <td class="target-check__step">{t('editorStep', String(row.target.step + 1))}</td>
              <td>
                <code>{describeLocator(row.locators[0]!)}</code>
                {fallback > 0 && row.locators[fallback] !== undefined && (
                  <p class="hint">{t('targetCheckFallback', describeLocator(row.locators[fallback]))}</p>
                )}
              </td>
              <td>
                <span class={`target-check__state target-check__state--${check.state}`}>{t(STATE_TEXT[check.state])}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
