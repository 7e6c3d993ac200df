import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks';
import { db, type PackRecord } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { watchSettings } from '@/utils/settings/settings';
import { exportFileName, exportPack } from '@/utils/cards/import';
import { deletePack, removeSubscription, restoreDeleted, type DeletedCards } from '@/utils/cards/authoring';
import { isPendingSubscription, planSubscriptions } from '@/utils/cards/subscriptions';
import { PackList, type SubscriptionRow } from './PackList';
import { ImportPackForm } from './ImportPackForm';
import { SubscribeForm } from './SubscribeForm';
import { UndoNotice } from './UndoNotice';
import { downloadText } from './download';

/** The coach's packs: what is installed, importing and exporting files, and subscriptions. */
export function PacksTab() {
  const packs = useLiveQuery(() => db.packs.toArray(), []);
  const [settingsUrls, setSettingsUrls] = useState<string[]>([]);
  const [undo, setUndo] = useState<{ message: string; deleted: DeletedCards } | null>(null);
  const [undoFailed, setUndoFailed] = useState(false);
  useEffect(() => watchSettings((settings) => setSettingsUrls(settings.values.packUrls)), []);

  const subscriptions = useMemo(() => subscriptionRows(settingsUrls, packs ?? []), [settingsUrls, packs]);
  if (!packs) return <p class="status">{t('loading')}</p>;

  const onExport = async (pack: PackRecord) => {
    const text = await exportPack(pack.id);
    if (text !== null) downloadText(text, exportFileName(pack.id));
  };
  const offerUndo = (message: string, result: Awaited<ReturnType<typeof deletePack>>) => {
    setUndoFailed(false);
    if (result.ok) setUndo({ message, deleted: result.value });
  };
  const onDelete = async (pack: PackRecord) => offerUndo(t('packDeleted', pack.name), await deletePack(pack.id));
  const onUnsubscribe = async (pack: PackRecord) => {
    const label = isPendingSubscription(pack) && pack.source.kind === 'url' ? pack.source.url : pack.name;
    offerUndo(t('packUnsubscribed', label), await removeSubscription(pack.id));
  };
  const onUndo = async () => {
    if (!undo) return;
    const result = await restoreDeleted(undo.deleted);
    setUndo(null);
    setUndoFailed(!result.ok);
  };

  return (
    <div class="packs-tab">
      <section class="studio-section" aria-labelledby="packs-heading">
        <h2 id="packs-heading">{t('packsHeading')}</h2>
        {undo && <UndoNotice message={undo.message} onUndo={() => void onUndo()} onDismiss={() => setUndo(null)} />}
        {undoFailed && (
          <p class="notice notice--error" role="alert">
            {t('studioUndoFailed')}
          </p>
        )}
        <PackList
          packs={packs}
          subscriptions={subscriptions}
          onExport={(pack) => void onExport(pack)}
          onDelete={(pack) => void onDelete(pack)}
          onUnsubscribe={(pack) => void onUnsubscribe(pack)}
        />
      </section>
      <ImportPackForm />
      <SubscribeForm subscribedUrls={subscriptions.map((row) => row.url)} />
    </div>
  );
}

/** Settings URLs first (with their record once synced), then the studio's own subscriptions. */
export function subscriptionRows(settingsUrls: readonly string[], packs: readonly PackRecord[]): SubscriptionRow[] {
  const fromSettings = new Set(planSubscriptions(settingsUrls, []).urls);
  const { urls } = planSubscriptions(settingsUrls, packs);
  return urls.map((url) => {
    const records = packs.filter((pack) => pack.source.kind === 'url' && pack.source.url === url);
    const record = records.find((pack) => !isPendingSubscription(pack)) ?? records[0];
    return { url, record, fromSettings: fromSettings.has(url) };
  });
}
