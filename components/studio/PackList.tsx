import type { PackRecord } from '@/utils/platform/db';
import { t, tn } from '@/utils/platform/i18n';
import { isPendingSubscription } from '@/utils/cards/subscriptions';
import { describeSyncError, formatWhen } from './sync-text';

/** A subscription as the list shows it: a pack record, or a URL from settings with no record yet. */
export interface SubscriptionRow {
  url: string;
  record?: PackRecord;
  fromSettings: boolean;
}

interface Props {
  packs: PackRecord[];
  subscriptions: SubscriptionRow[];
  onExport: (pack: PackRecord) => void;
  onDelete: (pack: PackRecord) => void;
  onUnsubscribe: (pack: PackRecord) => void;
}

/** Built-in, local and subscribed packs, with their counts, versions and sync state. */
export function PackList({ packs, subscriptions, onExport, onDelete, onUnsubscribe }: Props) {
  const builtin = packs.filter((pack) => pack.source.kind === 'builtin');
  const local = packs.filter((pack) => pack.source.kind === 'local').sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div class="pack-groups">
      <section aria-labelledby="packs-builtin">
        <h3 id="packs-builtin">{t('packsGroupBuiltin')}</h3>
        <ul class="pack-list">
          {builtin.map((pack) => (
            <li key={pack.id}>
              <PackSummary pack={pack} />
              <PackActions pack={pack} onExport={onExport} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="packs-local">
        <h3 id="packs-local">{t('packsGroupLocal')}</h3>
        {local.length === 0 ? (
          <p class="empty">{t('packsNoLocal')}</p>
        ) : (
          <ul class="pack-list">
            {local.map((pack) => (
              <li key={pack.id}>
                <PackSummary pack={pack} />
                <PackActions pack={pack} onExport={onExport} onDelete={onDelete} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="packs-subscribed">
        <h3 id="packs-subscribed">{t('packsGroupSubscribed')}</h3>
        {subscriptions.length === 0 ? (
          <p class="empty">{t('packsNoSubscribed')}</p>
        ) : (
          <ul class="pack-list">
            {subscriptions.map((row) => (
              <li key={row.url} data-url={row.url}>
                <SubscriptionSummary row={row} />
                {row.record && (
                  <PackActions
                    pack={row.record}
                    onExport={isPendingSubscription(row.record) ? undefined : onExport}
                    onUnsubscribe={row.fromSettings ? undefined : onUnsubscribe}
                  />
                )}
                {row.fromSettings && <p class="pack__note">{t('packFromSettings')}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function PackSummary({ pack }: { pack: PackRecord }) {
  const fileName = pack.source.kind === 'local' ? pack.source.fileName : undefined;
  return (
    <div class="pack">
      <h4 class="pack__name">{pack.name}</h4>
      <p class="pack__meta">
        <span>{tn('cardCount', pack.cardCount)}</span>
        <span>{t('packVersion', pack.version)}</span>
        <code class="pack__id">{pack.id}</code>
        {fileName && <span>{t('packFromFile', fileName)}</span>}
      </p>
      {pack.description && <p class="pack__description">{pack.description}</p>}
    </div>
  );
}

function SubscriptionSummary({ row }: { row: SubscriptionRow }) {
  const record = row.record;
  const source = record?.source.kind === 'url' ? record.source : undefined;
  const pending = !record || isPendingSubscription(record);
  return (
    <div class="pack">
      <h4 class="pack__name">{pending ? row.url : record.name}</h4>
      <p class="pack__meta">
        {!pending && <span>{tn('cardCount', record.cardCount)}</span>}
        {!pending && <span>{t('packVersion', record.version)}</span>}
        {!pending && <span class="pack__url">{row.url}</span>}
        <span>{source?.lastSyncAt ? t('packLastSync', formatWhen(source.lastSyncAt)) : t('packNeverSynced')}</span>
      </p>
      {source?.lastError && <p class="pack__error">{t('packSyncError', describeSyncError(source.lastError))}</p>}
    </div>
  );
}

function PackActions(props: {
  pack: PackRecord;
  onExport?: (pack: PackRecord) => void;
  onDelete?: (pack: PackRecord) => void;
  onUnsubscribe?: (pack: PackRecord) => void;
}) {
  const { pack, onExport, onDelete, onUnsubscribe } = props;
  return (
    <div class="pack__actions">
      {onExport && (
        <button type="button" aria-label={t('packExportLabel', pack.name)} onClick={() => onExport(pack)}>
          {t('packExport')}
        </button>
      )}
      {onDelete && (
        <button type="button" class="danger" aria-label={t('packDeleteLabel', pack.name)} onClick={() => onDelete(pack)}>
          {t('packDelete')}
        </button>
      )}
      {onUnsubscribe && (
        <button
          type="button"
          class="danger"
          aria-label={t('packUnsubscribeLabel', isPendingSubscription(pack) ? sourceUrl(pack) : pack.name)}
          onClick={() => onUnsubscribe(pack)}
        >
          {t('packUnsubscribe')}
        </button>
      )}
    </div>
  );
}

function sourceUrl(pack: PackRecord): string {
  return pack.source.kind === 'url' ? pack.source.url : pack.name;
}
