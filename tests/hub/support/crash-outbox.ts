import type { OutgoingPayload } from '../../../utils/endpoints/types';
import { postEvent, signedRequest } from '../../../scripts/bench/hub-events';

/**
 * Teachers' outboxes against a Hub that may die at any moment: each client sends its events
 * one after another and keeps resending one (same key, same body, signed afresh) until it gets
 * a 2xx, as utils/outbox does. Now and then a client sends an event again after its 2xx, as
 * an outbox does when the worker stopped before it recorded the answer. Every answer is
 * recorded, so a test can check what the Hub acknowledged against what it kept.
 */

export interface Answer {
  id: string;
  status: number;
  /** Which Hub process answered: 0 the first, then one more per restart. */
  life: number;
  /** A resend after this id already had a 2xx. */
  resend: boolean;
}

export interface OutboxRun {
  answers: Answer[];
  /** Requests that got no answer (refused, reset, timed out): the outbox tries again. */
  unanswered: number;
  /** Ids whose request was on the wire when a Hub was killed, per kill. */
  inFlightAtKill: Set<string>[];
  /** Ids with a 2xx before each kill. */
  acknowledgedBeforeKill: Set<string>[];
  /** Answers an outbox would give up on (a 4xx other than 429): none are expected. */
  refused: Answer[];
}

export interface OutboxOptions {
  events: OutgoingPayload[][];
  secret: string;
  /** The Hub's URL now (a restarted Hub is at the same address). */
  hubUrl: () => string;
  /** Which Hub process is up (see Answer.life). */
  life: () => number;
  /** Share of events sent once more after their 2xx. */
  resendShare: number;
  random: () => number;
  /** Called after every 2xx with the number of distinct ids acknowledged so far. */
  onAcknowledged(count: number): void;
  /** True once the clients should stop (time is up, or the Hub could not be restarted); what is unsent shows in the result. */
  stopped: () => boolean;
  requestTimeoutMs: number;
}

export interface OutboxClients {
  done: Promise<OutboxRun>;
  /** Snapshot taken just before a kill: what is in flight and what was acknowledged. */
  markKill(): void;
}

export function runOutboxes(options: OutboxOptions): OutboxClients {
  const run: OutboxRun = { answers: [], unanswered: 0, inFlightAtKill: [], acknowledgedBeforeKill: [], refused: [] };
  const acknowledged = new Set<string>();
  const inFlight = new Set<string>();

  /** Sends until a 2xx; false when the clients were stopped or the Hub refused the event for good. */
  const deliver = async (payload: OutgoingPayload, resend: boolean): Promise<boolean> => {
    let attempt = 0;
    while (!options.stopped()) {
      const request = await signedRequest(payload, options.secret);
      const life = options.life();
      inFlight.add(payload.id);
      let answer;
      try {
        answer = await postEvent(options.hubUrl(), request, { timeoutMs: options.requestTimeoutMs });
      } catch {
        run.unanswered++;
        answer = null;
      } finally {
        inFlight.delete(payload.id);
      }
      if (answer && answer.status >= 200 && answer.status < 300) {
        run.answers.push({ id: payload.id, status: answer.status, life, resend });
        acknowledged.add(payload.id);
        options.onAcknowledged(acknowledged.size);
        return true;
      }
      if (answer && answer.status >= 400 && answer.status < 500 && answer.status !== 429) {
        run.refused.push({ id: payload.id, status: answer.status, life, resend });
        return false;
      }
      // No answer, a 5xx or a 429: back off a little (the outbox's backoff, shortened) and resend.
      attempt++;
      const wait = answer?.retryAfter
        ? answer.retryAfter * 1000
        : Math.min(1_000, 50 * 2 ** Math.min(attempt, 5)) * (0.5 + options.random());
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    return false;
  };

  const client = async (events: OutgoingPayload[]) => {
    for (const payload of events) {
      if (!(await deliver(payload, false))) continue;
      if (options.random() < options.resendShare) await deliver(payload, true);
    }
  };

  return {
    done: Promise.all(options.events.map(client)).then(() => run),
    markKill() {
      run.inFlightAtKill.push(new Set(inFlight));
      run.acknowledgedBeforeKill.push(new Set(acknowledged));
    },
  };
}
