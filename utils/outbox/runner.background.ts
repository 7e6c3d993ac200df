import { browser } from 'wxt/browser';
import { db as defaultDb, type CoachmarkDB } from '../platform/db';
import { buildRequest, validateEndpointUrl } from '../endpoints';
import { t } from '../platform/i18n';
import { isRequestTimeout, withTimeout } from '../platform/network.background';
import { onMessage, type EndpointTestResult, type ProtocolMap } from '../platform/messages';
import { browserEnvironment, deliverDue, type DeliveryEnvironment, type DeliveryReport } from './delivery.background';
import { RETRY } from './retry';
import { rerunningFlight } from '../platform/single-flight';
import { buildTestRequest } from '../help-requests/help-request';
import { getSettings } from '../settings/settings';
import { watchKeptRequests } from './kept.background';

/**
 * Delivers the outbox: when the worker starts, when the network returns, when a page asks
 * (a new ping, Retry), and when the next retry is due. An alarm wakes a stopped worker; it
 * cannot fire sooner than 30 s, so shorter waits also get a timer while the worker lives.
 * Runs never overlap: a request during a run makes one more run after it. An alarm is set
 * before each run too, so a worker stopped mid-request still wakes to retry what it cut off.
 */

export const OUTBOX_ALARM = 'coachmark-outbox';
/** Chrome clamps alarms to at least 30 s from now. */
const ALARM_MIN_MS = 30_000;
/** A pause between runs when nothing could be attempted, so a due item never spins the worker. */
const IDLE_PAUSE_MS = 1_000;

export interface OutboxRunnerOptions {
  deliver: () => Promise<DeliveryReport>;
  now?: () => number;
  online?: () => boolean;
  /** Ask to be woken at `when` (epoch ms) even if the worker stops; null: nothing waits. */
  setAlarm: (when: number | null) => Promise<void>;
}

export interface OutboxRunner {
  /** Delivers what is due; resolves when a run that started after this request is done. */
  kick(): Promise<void>;
  /** Stops the timer and listeners (tests; the real worker simply ends). */
  dispose(): void;
}

export function createOutboxRunner(options: OutboxRunnerOptions): OutboxRunner {
  const now = options.now ?? (() => Date.now());
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = async (report: DeliveryReport) => {
    clearTimeout(timer);
    timer = undefined;
    const next = report.nextAttemptAt;
    if (next === null) return options.setAlarm(null);
    const online = options.online ? options.online() : true;
    const delay = Math.max(next - now(), report.attempted > 0 ? 0 : IDLE_PAUSE_MS);
    // Offline, the 'online' event (or the alarm) brings the next run.
    if (online && delay < ALARM_MIN_MS) timer = setTimeout(() => void kick(), delay);
    await options.setAlarm(Math.max(next, now() + ALARM_MIN_MS));
  };

  // A kick during a run gets one more run after it, shared by every kick made meanwhile.
  const flight = rerunningFlight(async () => {
    try {
      // If the worker is stopped mid-run, this alarm wakes it to pick up the cut-off items.
      await options.setAlarm(now() + RETRY.staleSendingMs);
      await schedule(await options.deliver());
    } catch (error) {
      console.error('Coachmark: outbox delivery failed', error);
    }
  });
  const kick = (): Promise<void> => flight.run();

  return {
    kick,
    dispose: () => clearTimeout(timer),
  };
}

export function setupOutbox(options: { database?: CoachmarkDB; environment?: DeliveryEnvironment } = {}): OutboxRunner {
  const database = options.database ?? defaultDb;
  const environment = options.environment ?? browserEnvironment(async () => (await getSettings()).values.endpointSecret);
  const runner = createOutboxRunner({
    deliver: () => deliverDue(environment, database),
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
