import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/platform/messages';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { toolById } from '@/utils/tools/catalog';
import { describeLocator } from '@/utils/show-me/locate';
import type { Locator } from '@/utils/cards/schema';
import type { PickResult, ToolTab } from '@/utils/show-me/types';

interface Props {
  /** Pick on this tab; without it the coach chooses among the open tabs that show a known tool. */
  tabId?: number;
  /** Offer only tabs showing these tools (the card's tools); all known tools when absent. */
  tools?: string[];
  /** The coach accepted the pick: the ways to find it, most robust first, and the label shown beside the highlight. */
  onPicked(locators: Locator[], label: string): void;
}

interface Status {
  key: MessageKey;
  problem?: boolean;
}

/** The schema's limit for a target's label. */
const LABEL_MAX = 80;
/** The schema's limit for a target's locators. */
const LOCATORS_MAX = 6;

/** The pick's locators; a highlighter that reports only CSS selectors gets them as CSS locators. */
function locatorsOf(result: PickResult): Locator[] {
  const locators = result.locators?.length ? result.locators : (result.selectors ?? []).map((css) => ({ css }));
  return locators.slice(0, LOCATORS_MAX);
}

/**
 * "Pick on page" for the card editor: the coach clicks the element on the tool's page, sees
 * the ways to find it (role and name first, CSS last) with how many elements each finds
 * there, edits the label, previews the highlight, and hands the result to the editor.
 */
export function PickOnPage({ tabId, tools, onPicked }: Props) {
  const [tabs, setTabs] = useState<ToolTab[] | undefined>(undefined);
  const [chosen, setChosen] = useState<number | null>(tabId ?? null);
  const [picking, setPicking] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [picked, setPicked] = useState<{ result: PickResult; locators: Locator[] } | null>(null);
  const [checked, setChecked] = useState<boolean[]>([]);
  const [counts, setCounts] = useState<Array<number | null> | null>(null);
  const [label, setLabel] = useState('');
  const toolsKey = tools?.join(',') ?? '';
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  const loadTabs = async () => {
    if (tabId !== undefined) return;
    const found = await sendMessage('studioListsToolTabs', { tools }).catch((): ToolTab[] => []);
    if (!mounted.current) return;
    setTabs(found);
    setChosen((current) => (current !== null && found.some((tab) => tab.tabId === current) ? current : (found[0]?.tabId ?? null)));
  };
  useEffect(() => {
    if (tabId !== undefined) setChosen(tabId);
    else void loadTabs();
  }, [tabId, toolsKey]);

  const target = tabId ?? chosen;

  const recount = async (tab: number, locators: Locator[]) => {
    const preview = await sendMessage('studioPreviewsTarget', { tabId: tab, locators, show: false }).catch(() => null);
    if (mounted.current && preview) setCounts(preview.counts);
  };

  const pick = async () => {
    if (target === null || picking) return;
    const pickId = crypto.randomUUID();
    setPicking(pickId);
    setPicked(null);
    setCounts(null);
    setStatus({ key: 'pickWaiting' });
    let result: PickResult | null = null;
    let stopped = false;
    try {
      const prepared = await sendMessage('studioPreparesPicker', { tabId: target });
      if (!prepared.ok) {
        if (mounted.current) setStatus({ key: 'pickNoAccess', problem: true });
        return;
      }
      // The frame where the coach clicks answers; the message stays open until then.
      result = await sendMessage('studioPicksElement', { pickId, hint: t('pickInPageHint') }, target);
    } catch {
      stopped = true;
    } finally {
      // Other frames are still picking: stop them. Then come back to the studio.
      void sendMessage('studioStopsPicker', { pickId }, target).catch(() => {});
      void returnToStudio();
      if (mounted.current) setPicking(null);
    }
    if (!mounted.current) return;
    if (!result) {
      setStatus(stopped ? { key: 'pickStopped', problem: true } : { key: 'pickCancelled' });
      return;
    }
    const locators = locatorsOf(result);
    setPicked({ result, locators });
    setChecked(locators.map(() => true));
    setLabel(result.label.slice(0, LABEL_MAX));
    setStatus(null);
    await recount(target, locators);
  };

  const cancel = () => {
    if (picking && target !== null) void sendMessage('studioStopsPicker', { pickId: picking }, target).catch(() => {});
  };

  const selected = picked ? picked.locators.filter((_, index) => checked[index]) : [];

  const preview = async () => {
    if (!picked || target === null) return;
    if (selected.length === 0) {
      setStatus({ key: 'pickKeepOne', problem: true });
      return;
    }
    const result = await sendMessage('studioPreviewsTarget', {
      tabId: target,
      locators: selected,
      label: label.trim() || undefined,
      show: true,
    }).catch(() => null);
    if (!mounted.current) return;
    if (!result) {
      setStatus({ key: 'pickStopped', problem: true });
      return;
    }
    // Counts came back for the selected locators only: put them back in place.
    let next = 0;
    setCounts(picked.locators.map((_, index) => (checked[index] ? (result.counts[next++] ?? null) : (counts?.[index] ?? null))));
    if (result.shown.found) setStatus({ key: 'pickPreviewShown' });
    else setStatus({ key: result.shown.reason === 'no-access' ? 'pickNoAccess' : 'showMeNotFound', problem: true });
  };

  const use = () => {
    if (selected.length === 0) {
      setStatus({ key: 'pickKeepOne', problem: true });
      return;
    }
    onPicked(selected, label.trim());
  };

  return (
    <div class="pick-on-page">
      {tabId === undefined && (
        <div class="field pick-on-page__tabs">
          <label for="pick-on-page-tab">{t('pickTab')}</label>
          {tabs && tabs.length === 0 ? (
            <p class="hint">{t('pickNoTabs')}</p>
          ) : (
            <select
              id="pick-on-page-tab"
              value={chosen === null ? '' : String(chosen)}
              disabled={!tabs || picking !== null}
              onChange={(event) => setChosen(Number((event.currentTarget as HTMLSelectElement).value))}
            >
              {(tabs ?? []).map((tab) => (
                <option key={tab.tabId} value={String(tab.tabId)}>
                  {t('pickTabOption', [tab.title || tab.url, toolById(tab.tool)?.name ?? tab.tool])}
                </option>
              ))}
            </select>
          )}
          <button type="button" onClick={() => void loadTabs()} disabled={picking !== null}>
            {t('pickRefreshTabs')}
          </button>
        </div>
      )}
      <div class="pick-on-page__actions">
        <button type="button" onClick={() => void pick()} disabled={target === null || picking !== null}>
          {t('pickOnPage')}
        </button>
        {picking && (
          <button type="button" onClick={cancel}>
            {t('pickCancel')}
          </button>
        )}
      </div>
      <div class="pick-on-page__status" role="status" aria-live="polite">
        {status && <p class={`notice${status.problem ? ' notice--error' : ''}`}>{t(status.key)}</p>}
      </div>
      {picked && (
        <div class="pick-on-page__result">
          <p>{t('pickPicked', picked.result.label ? `${picked.result.tag} “${picked.result.label}”` : picked.result.tag)}</p>
          <fieldset>
            <legend>{t('pickSelectors')}</legend>
            <ul class="pick-on-page__selectors">
              {picked.locators.map((locator, index) => {
                const count = counts?.[index];
                const id = `pick-on-page-selector-${index}`;
                const described = describeLocator(locator);
                return (
                  <li key={`${index}:${described}`}>
                    <input
                      type="checkbox"
                      id={id}
                      checked={checked[index] ?? false}
                      onChange={(event) => {
                        const on = (event.currentTarget as HTMLInputElement).checked;
                        setChecked((current) => current.map((value, at) => (at === index ? on : value)));
                      }}
                    />
                    <label for={id}>
                      <code>{described}</code>{' '}
                      {counts && (
                        <span class={`pick-on-page__count${count === 1 ? '' : ' pick-on-page__count--warn'}`}>
                          {count === null
                            ? t('pickInvalid')
                            : count === 0
                              ? t('pickMatchNone')
                              : count === undefined
                                ? ''
                                : t('pickMatchCount', String(count))}
                        </span>
                      )}
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <div class="field">
            <label for="pick-on-page-label">{t('pickLabel')}</label>
            <input
              id="pick-on-page-label"
              type="text"
              maxLength={LABEL_MAX}
              value={label}
              onInput={(event) => setLabel((event.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="pick-on-page__actions">
            <button type="button" onClick={() => void preview()}>
              {t('pickPreview')}
            </button>
            <button type="button" class="primary" onClick={use}>
              {t('pickUse')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Brings the studio's own tab back to the front after picking on another tab. */
async function returnToStudio(): Promise<void> {
  try {
    const current = await browser.tabs.getCurrent();
    if (current?.id !== undefined) await browser.tabs.update(current.id, { active: true });
  } catch {
    // Not in a tab (an embedded options page): the coach switches back themselves.
  }
}
