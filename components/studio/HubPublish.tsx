import { useState } from 'preact/hooks';
import type { PackRecord } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { sendMessage } from '@/utils/platform/messages';
import { nextVersion, publishedVersionIn, setLocalPackVersion } from '@/utils/hub/publish';
import type { HubResult } from '@/utils/hub/types';
import { HubFailureNotice } from './HubMessages';

type PublishState =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; result: HubResult<{ version: string; url: string }>; version: string };

/**
 * "Publish to Hub" for each of the coach's own packs: the pack as the studio exports it goes to
 * the Hub, which serves it to every school that subscribes to its address. The Hub keeps a new
 * copy only when the version rises; when it did not, the coach is told and may raise it here.
 */
export function HubPublishSection({ packs, hub }: { packs: readonly PackRecord[]; hub: string }) {
  const local = packs.filter((pack) => pack.source.kind === 'local').sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section class="studio-section" aria-labelledby="hub-publish-heading" data-testid="hub-publish">
      <h2 id="hub-publish-heading">{t('hubPublishHeading')}</h2>
      <p class="hint">{t('hubPublishIntro', hub)}</p>
      {local.length === 0 ? (
        <p class="empty">{t('packsNoLocal')}</p>
      ) : (
        <ul class="pack-list">
          {local.map((pack) => (
            <PublishRow key={pack.id} pack={pack} hub={hub} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PublishRow({ pack, hub }: { pack: PackRecord; hub: string }) {
  const [state, setState] = useState<PublishState>({ kind: 'idle' });

  const publish = async () => {
    setState({ kind: 'running' });
    let result: HubResult<{ version: string; url: string }>;
    try {
      result = await sendMessage('studioPublishesPack', { packId: pack.id });
    } catch {
      result = { ok: false, failure: { kind: 'network' } };
    }
    setState({ kind: 'done', result, version: pack.version });
  };
  const raiseAndPublish = async (version: string) => {
    if (await setLocalPackVersion(pack.id, version)) await publish();
  };

  const failure = state.kind === 'done' && !state.result.ok ? state.result.failure : null;
  const notRisen = failure?.kind === 'conflict' ? failure : null;
  const raised = notRisen && state.kind === 'done' ? nextVersion(state.version, publishedVersionIn(notRisen.errors)) : null;
  return (
    <li data-testid="hub-publish-row" data-pack={pack.id}>
      <div class="pack">
        <h3 class="pack__name">{pack.name}</h3>
        <p class="pack__meta">
          <span>{t('packVersion', pack.version)}</span>
          <code class="pack__id">{pack.id}</code>
        </p>
      </div>
      <div class="pack__actions">
        <button
          type="button"
          aria-label={t('hubPublishLabel', pack.name)}
          disabled={state.kind === 'running'}
          onClick={() => void publish()}
        >
          {state.kind === 'running' ? t('hubPublishing') : t('hubPublish')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {state.kind === 'done' && state.result.ok && (
          <div class="notice notice--ok">
            <p>{t('hubPublished', [pack.name, state.result.value.version])}</p>
            <p>
              {t('hubPublishedSubscribe')} <code class="pack__url">{state.result.value.url}</code>
            </p>
          </div>
        )}
        {notRisen && raised && (
          <div class="notice notice--error">
            <p>{t('hubPublishNotRisen', state.kind === 'done' ? state.version : pack.version)}</p>
            <ul class="errors">
              {notRisen.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
            <button type="button" onClick={() => void raiseAndPublish(raised)}>
              {t('hubPublishRaise', raised)}
            </button>
          </div>
        )}
        {failure && !notRisen && <HubFailureNotice failure={failure} hub={hub} />}
      </div>
    </li>
  );
}
