import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useSettings } from '../hooks/use-settings';
import { SchoolEndpointNotice } from '../shared/SchoolEndpointNotice';
import { downloadText } from '../shared/download';
import { formatBody, FORMAT_NAME_KEYS, endpointHost } from '@/utils/endpoints';
import type { GrowthPlanPayload } from '@/utils/endpoints/types';
import { t } from '@/utils/platform/i18n';
import { summaryMarkdown, summaryModel } from '@/utils/plan/summary';
import { sendToOutbox } from '@/utils/outbox/send';
import { previewFields } from '@/utils/outbox/preview-fields';
import { deliveryEndpoint, schoolEndpointInvalid } from '@/utils/settings/endpoint';
import { announceDelivery, OutboxItemStatus, SendFlow } from './SendFlow';
import { useSendFlow } from './use-send-flow';
import { useGrowthPlan } from './use-growth-plan';
import { PlanDocument } from './PlanDocument';
import { PLAN_PRINT_QUERY } from './plan-print-query';

/**
 * "Prepare for my meeting": the plan as the coach would read it, drawn from the growth-plan
 * payload itself, with Copy, Print (or save as PDF), Download (Markdown, or the JSON a coach
 * imports), and "Send to my coach", which previews exactly what goes to the school's endpoint
 * before it is sent.
 */
export function PlanSummary({ onDone }: { onDone: () => void }) {
  const effective = useSettings();
  const settings = effective?.values;
  const payload = useGrowthPlan(settings);
  const [status, setStatus] = useState('');
  const flow = useSendFlow<GrowthPlanPayload, void>(payload !== undefined);
  if (!effective || !settings || !payload) return <p class="status">{t('loading')}</p>;
  const model = summaryModel(payload);
  const endpoint = deliveryEndpoint(settings);
  const markdown = () => summaryMarkdown(model);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown());
      setStatus(t('planCopied'));
    } catch {
      setStatus(t('planCopyFailed'));
    }
  };
  const print = () => {
    // A page of its own (the panel's page showing only the plan), so the browser prints the plan
    // and nothing of the panel.
    void browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?${PLAN_PRINT_QUERY}`) });
  };
  const download = (kind: 'markdown' | 'json') => {
    const day = payload.createdAt.slice(0, 10);
    // The JSON file is the payload as Send would send it: a coach imports it in the studio's Plans tab.
    if (kind === 'json') downloadText(`${JSON.stringify(formatBody('json', payload), null, 2)}\n`, `coaching-plan-${day}.json`);
    else downloadText(markdown(), `coaching-plan-${day}.md`, 'text/markdown');
    setStatus(t('planDownloaded'));
  };

  return (
    <SendFlow
      flow={flow}
      block="plan-share"
      titleId="plan-share-title"
      title={t('planPrepare')}
      testId="plan-share"
      previewLabel={t('planSendToCoach')}
      intro={<p class="hint">{t('planSummaryIntro')}</p>}
      onPreview={(event) => {
        event.preventDefault();
        flow.preview(payload);
      }}
      fields={() => (
        <>
          <PlanDocument model={model} />
          <div class="plan-share__tools">
            <button type="button" ref={flow.focusRef} onClick={() => void copy()}>
              {t('planCopy')}
            </button>
            <button type="button" onClick={print}>
              {t('planPrint')}
            </button>
            <button type="button" onClick={() => download('markdown')}>
              {t('planDownloadMarkdown')}
            </button>
            <button type="button" onClick={() => download('json')}>
              {t('planDownloadForCoach')}
            </button>
          </div>
          <p class="plan-share__status" role="status">
            {status}
          </p>
          {schoolEndpointInvalid(effective) ? <SchoolEndpointNotice /> : !endpoint && <p class="notice">{t('planHeldNotice')}</p>}
        </>
      )}
      preview={{
        heading: t('planPreviewTitle'),
        headingId: 'plan-preview-title',
        summary: () => (
          <ul class="ping__summary" data-testid="plan-share-summary">
            <li>
              {endpoint
                ? t('pingPreviewDestination', [endpointHost(endpoint.url), t(FORMAT_NAME_KEYS[endpoint.format])])
                : t('pingPreviewKept')}
            </li>
          </ul>
        ),
        readable: previewFields,
        body: (sent) => JSON.stringify(formatBody(settings.endpointFormat, sent), null, 2),
        bodyLabel: t('pingPreviewBodyLabel'),
        sendLabel: endpoint ? t('pingSend') : t('pingKeep'),
        failed: (error) => t('planSendFailed', error),
      }}
      store={(sent) => sendToOutbox(sent, endpoint, 'plan')}
      sent={(sent) => <OutboxItemStatus id={sent.id} testId="plan-share-result" words={announceDelivery} />}
      onDone={onDone}
    />
  );
}
