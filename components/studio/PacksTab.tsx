import { useMemo } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { db, type PackRecord } from '@/utils/platform/db';
import { t, tn } from '@/utils/platform/i18n';
import { exportFileName, exportPack } from '@/utils/cards/import';
import { deletePack, removeSubscription, restoreDeleted, type DeletedCards } from '@/utils/cards/authoring';
import { isPendingSubscription, MAX_PACK_SUBSCRIPTIONS, planSubscriptions } from '@/utils/cards/subscriptions';
import { PackList, type SubscriptionRow } from './PackList';
import { ImportPackForm } from './ImportPackForm';
import { SubscribeForm } from './SubscribeForm';
import { UndoOffer } from './UndoNotice';
import { useSettings } from '../hooks/use-settings';
import { useUndo } from '../hooks/use-undo';
import { downloadText } from '../shared/download';
import { hubConnection } from '@/utils/hub/address';
import { HubPublishSection } from './HubPublish';

/** Until settings are read: one array, so the subscription rows are not worked out again each render. */
const NO_URLS: string[] = [];
/** Subscriptions past the limit named in the notice; the rest are counted. */
const OVERFLOW_SHOWN = 10;

/** The coach's packs: what is installed, importing and exporting files, and subscriptions. */
export function PacksTab() {
  const packs = useLiveQuery(() => db.packs.toArray(), []);
  const settings = useSettings();
  const settingsUrls = settings?.values.packUrls ?? NO_URLS;
  const hub = settings ? hubConnection(settings.values) : null;
  const deletion = useUndo(async ({ deleted }: { message: string; deleted: DeletedCards }) => (await restoreDeleted(deleted)).ok);

  const subscriptions = useMemo(() => subscriptionRows(settingsUrls, packs ?? []), [settingsUrls, packs]);
  const notSynced = useMemo(() => planSubscriptions(settingsUrls, packs ?? []).overflow, [settingsUrls, packs]);
  if (!packs) return <p class="status">{t('loading')}</p>;

  const onExport = async (pack: PackRecord) => {
    const text = await exportPack(pack.id);
    if (text !== null) downloadText(text, exportFileName(pack.id));
  };
  const offerUndo = (message: string, result: Awaited<ReturnType<typeof deletePack>>) => {
    if (result.ok) deletion.offer({ message, deleted: result.value });
  };
  const onDelete = async (pack: PackRecord) => offerUndo(t('packDeleted', pack.name), await deletePack(pack.id));
  const onUnsubscribe = async (pack: PackRecord) => {
    const label = isPendingSubscription(pack) && pack.source.kind === 'url' ? pack.source.url : pack.name;
    offerUndo(t('packUnsubscribed', label), await removeSubscription(pack.id));
  };

  return (
    <div class="packs-tab">
      <section class="studio-section" aria-labelledby="packs-heading">
        <h2 id="packs-heading">{t('packsHeading')}</h2>
        <UndoOffer undo={deletion} />
        {/* Above the list: with more than the limit, the list is long and its end far away. */}
        {notSynced.length > 0 && <NotSyncedNotice urls={notSynced} />}
        <PackList
          packs={packs}
          subscriptions={subscriptions}
          onExport={(pack) => void onExport(pack)}
          onDelete={(pack) => void onDelete(pack)}
          onUnsubscribe={(pack) => void onUnsubscribe(pack)}
        />
      </section>
      {hub && <HubPublishSection packs={packs} hub={hub.url} />}
      <ImportPackForm />
      <SubscribeForm subscribedUrls={subscriptions.map((row) => row.url)} />
    </div>
  );
}

/** Subscriptions past the limit: how many, the first of them, and why they are not synced. */
function NotSyncedNotice({ urls }: { urls: readonly string[] }) {
  const rest = urls.length - OVERFLOW_SHOWN;
  return (
    <div class="notice notice--error" role="status" data-testid="packs-not-synced">
      <p>{tn('packsOverflow', urls.length, String(MAX_PACK_SUBSCRIPTIONS))}</p>
      <ul>
        {urls.slice(0, OVERFLOW_SHOWN).map((url) => (
          <li key={url}>{url}</li>
        ))}
      </ul>
      {rest > 0 && <p>{tn('packsOverflowMore', rest)}</p>}
    </div>
  );
}

/** Settings URLs first (with their record once synced), then the studio's own subscriptions (at most MAX_PACK_SUBSCRIPTIONS). */
export function subscriptionRows(settingsUrls: readonly string[], packs: readonly PackRecord[]): SubscriptionRow[] {
  const fromSettings = new Set(planSubscriptions(settingsUrls, []).urls);
  const { urls } = planSubscriptions(settingsUrls, packs);
  return urls.map((url) => {
    const records = packs.filter((pack) => pack.source.kind === 'url' && pack.source.url === url);
    const record = records.find((pack) => !isPendingSubscription(pack)) ?? records[0];
    return { url, record, fromSettings: fromSettings.has(url) };
  });
}
