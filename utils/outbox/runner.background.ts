import { browser } from 'wxt/browser';
import { db as defaultDb, type CoachmarkDB } from '../platform/db';
import { buildRequest, validateEndpointUrl } from '../endpoints';
import { t } from '../platform/i18n';
import { isRequestTimeout, withTimeout } from '../platform/network.background';
import { onMessage, type EndpointTestResult, type ProtocolMap } from '../platform/messages';
import { browserEnvironment, claimDue, deliverClaimed, nextDue, requeueCutOff, type DeliveryEnvironment } from './delivery.background';
import { pruneSent } from './prune.background';
import { RETRY } from './retry';
import { createOutboxRunner, type OutboxRunner } from './scheduler.background';
import { buildTestRequest } from '../help-requests/help-request';
import { getSettings } from '../settings/settings';
import { watchKeptRequests } from './kept.background';
import { followDataConsent } from './consent-hold';
import { asksDataConsent, hasDataConsent, watchDataConsent } from '../platform/data-consent';

export const OUTBOX_ALARM = 'coachmark-outbox';
/** Pruning of the sent history runs at most this often while a worker lives (and at each start). */
const PRUNE_EVERY_MS = 60 * 60_000;

export { createOutboxRunner, type OutboxRunner, type OutboxRunnerOptions } from './scheduler.background';

export function setupOutbox(options: { database?: CoachmarkDB; environment?: DeliveryEnvironment } = {}): OutboxRunner {
  const database = options.database ?? defaultDb;
  const environment = options.environment ?? browserEnvironment(async () => (await getSettings()).values.endpointSecret);
  let prunedAt = Number.NEGATIVE_INFINITY;
  const prune = async () => {
    if (environment.now() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = environment.now();
    await pruneSent(database, environment.now(), (await getSettings()).values.sentHistoryDays);
  };
  const runner = createOutboxRunner({
    claim: (limit) => claimDue(database, environment.now(), limit),
    send: (item) => deliverClaimed(item, environment, database),
    nextDue: () => nextDue(database),
    prepare: () => requeueCutOff(database, environment.now()),
    // Firefox: nothing goes out while the teacher's data consent is withdrawn (consent-hold.ts).
    admit: asksDataConsent() ? async () => followDataConsent(database, await hasDataConsent()) : undefined,
    onIdle: () => void prune().catch((error: unknown) => console.error('Coachmark: pruning the outbox failed', error)),
    now: environment.now,
    online: environment.online,
    setAlarm: async (when) => {
      if (when === null) await browser.alarms.clear(OUTBOX_ALARM);
      else await browser.alarms.create(OUTBOX_ALARM, { when });
    },
  });

  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === OUTBOX_ALARM) void runner.kick();
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  // Service workers get 'online' too; the outbox waits without counting tries while offline.
  const scope = globalThis as Partial<Pick<EventTarget, 'addEventListener' | 'removeEventListener'>>;
  const onOnline = () => void runner.kick();
  scope.addEventListener?.('online', onOnline);
  const removeKick = onMessage('panelKicksOutbox', () => {
    // Answer at once: the panel follows the items' states in the database.
    void runner.kick();
  });
  const removeTest = onMessage('studioTestsEndpoint', ({ data }) => testEndpoint(data, environment));
  // Requests kept while no endpoint was set go out as soon as one is.
  const stopWatchingKept = watchKeptRequests(database, () => void runner.kick());
  // Consent given again (or withdrawn): the next pass releases (or holds) what waits.
  const stopWatchingConsent = watchDataConsent(() => void runner.kick());

  // The worker starts for many reasons (browser start, an alarm, a message): catch up each time.
  void runner.kick();
  return {
    kick: runner.kick,
    dispose: () => {
      runner.dispose();
      browser.alarms.onAlarm.removeListener(onAlarm);
      scope.removeEventListener?.('online', onOnline);
      removeKick();
      removeTest();
      stopWatchingKept();
      stopWatchingConsent();
    },
  };
}

/**
 * Posts one test message straight to the endpoint (never through the outbox: a test that
 * fails must not be retried into the school's channel later) and reports what came back.
 */
export async function testEndpoint(
  data: Parameters<ProtocolMap['studioTestsEndpoint']>[0],
  environment: Pick<DeliveryEnvironment, 'fetch' | 'now' | 'timeoutMs'>,
): Promise<EndpointTestResult> {
  if (!validateEndpointUrl(data.url).ok) return { ok: false, error: 'invalid-url' };
  const payload = buildTestRequest({
    id: crypto.randomUUID(),
    now: environment.now(),
    teacherName: data.teacherName ?? '',
    schoolName: data.schoolName ?? '',
    message: t('endpointTestMessage'),
  });
  const request = await buildRequest(data.format, payload, {
    secret: data.format === 'json' && data.secret ? data.secret : undefined,
  });
  try {
    return await withTimeout(environment.timeoutMs ?? RETRY.timeoutMs, async (signal): Promise<EndpointTestResult> => {
      const response = await environment.fetch(data.url.trim(), {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal,
        credentials: 'omit',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
      });
      const body = await response.text().catch(() => '');
      return { ok: response.ok, status: response.status, body: Array.from(body).slice(0, 300).join('') };
    });
  } catch (error) {
    return { ok: false, error: isRequestTimeout(error) ? 'timeout' : 'network' };
  }
}
