import { RETRY } from './retry';
import { DELIVERY_CONCURRENCY } from './delivery.background';
import { rerunningFlight } from '../platform/single-flight';

/**
 * Delivers the outbox: when the worker starts, when the network returns, when a page asks
 * (a new ping, Retry), and when each item's next attempt is due. Items are independent: a few
 * are in flight at once, each freed slot takes the next due item at once, and a wait is timed
 * to the earliest item's own next attempt, never to the end of a batch. An alarm wakes a stopped
 * worker; it cannot fire sooner than 30 s, so shorter waits also get a timer while the worker
 * lives. An alarm is set before the first request too, so a worker stopped mid-request still
 * wakes; as it starts, it requeues what it cut off.
 */

/** Chrome clamps alarms to at least 30 s from now. */
const ALARM_MIN_MS = 30_000;
/** The shortest timer: an item due but not claimable (a race with a write) never spins the worker. */
const MIN_WAKE_MS = 100;

export interface OutboxRunnerOptions<T> {
  /** Claims up to `limit` due items for delivery (marks them in flight). */
  claim: (limit: number) => Promise<T[]>;
  /** Attempts one claimed item and records the outcome. */
  send: (item: T) => Promise<unknown>;
  /** When the next item falls due (epoch ms), or null when nothing waits. */
  nextDue: () => Promise<number | null>;
  /** Runs once, before the first claim (the background requeues what a stopped worker cut off). */
  prepare?: () => Promise<unknown>;
  /** Whether this pass may claim anything (Firefox's data consent); asked at the start of each pass. */
  admit?: () => Promise<boolean>;
  /** Called when nothing is in flight after a pass (housekeeping). */
  onIdle?: () => void;
  concurrency?: number;
  now?: () => number;
  online?: () => boolean;
  /** Ask to be woken at `when` (epoch ms) even if the worker stops; null: nothing waits. */
  setAlarm: (when: number | null) => Promise<void>;
}

export interface OutboxRunner {
  /** Starts what is due; resolves once a pass that began after this call has nothing left in flight. */
  kick(): Promise<void>;
  /** Stops the timer and listeners (tests; the real worker simply ends). */
  dispose(): void;
}

export function createOutboxRunner<T>(options: OutboxRunnerOptions<T>): OutboxRunner {
  const now = options.now ?? (() => Date.now());
  const online = () => (options.online ? options.online() : true);
  const concurrency = Math.max(1, options.concurrency ?? DELIVERY_CONCURRENCY);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = 0;
  let disposed = false;
  let prepared: Promise<unknown> | undefined;
  /** Kicks waiting for a pass that began after them to end with nothing in flight. */
  let waiting: Array<() => void> = [];

  const schedule = async () => {
    clearTimeout(timer);
    timer = undefined;
    const next = await options.nextDue();
    if (next === null) return options.setAlarm(null);
    // Offline, the 'online' event (or the alarm) brings the next pass; with every slot busy, a
    // finished request does.
    if (online() && inFlight < concurrency) {
      const delay = Math.max(next - now(), MIN_WAKE_MS);
      if (delay < ALARM_MIN_MS) timer = setTimeout(() => void pass.run(), delay);
    }
    await options.setAlarm(Math.max(next, now() + ALARM_MIN_MS));
  };

  const start = (item: T) => {
    inFlight++;
    void options
      .send(item)
      .catch((error: unknown) => console.error('Coachmark: outbox delivery failed', error))
      .finally(() => {
        inFlight--;
        if (!disposed) void pass.run();
      });
  };

  // Passes never overlap; a request during one gets one more pass after it.
  const pass = rerunningFlight(async () => {
    const mine = waiting;
    waiting = [];
    try {
      if (disposed) return;
      prepared ??= options.prepare?.() ?? Promise.resolve();
      await prepared;
      if (online() && (await (options.admit?.() ?? true))) {
        while (inFlight < concurrency) {
          const items = await options.claim(concurrency - inFlight);
          if (items.length === 0) break;
          // If the worker is stopped mid-request, this alarm wakes it to pick up the cut-off items.
          if (inFlight === 0) await options.setAlarm(now() + RETRY.staleSendingMs);
          items.forEach(start);
        }
      }
      await schedule();
    } catch (error) {
      prepared = prepared?.catch(() => undefined);
      console.error('Coachmark: outbox delivery failed', error);
    }
    if (inFlight > 0 && !disposed) {
      waiting.push(...mine);
      return;
    }
    options.onIdle?.();
    for (const resolve of mine) resolve();
  });

  return {
    kick: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        void pass.run();
      }),
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}
