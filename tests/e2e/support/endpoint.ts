import type { BrowserContext, Page } from 'playwright-core';
import type { OutboxItem } from '../../../utils/platform/db';
import type { Recorder, RecorderHandler, RecorderResponse } from './fixture-server';

/**
 * Helpers for the ping tests: a recorder path that behaves like an endpoint allowing
 * cross-origin requests, stopping the extension's service worker, and the outbox table read
 * and written from an extension page.
 */

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, X-Coachmark-Signature, X-Coachmark-Timestamp',
  'Access-Control-Max-Age': '600',
};

/**
 * Serves `path` as an endpoint that allows CORS: headless Chromium never answers the host
 * permission prompt, so without a granted origin the background's POST is a cross-origin
 * request with a preflight, exactly as for a teacher who refused the permission.
 */
export function corsEndpoint(recorder: Recorder, path: string, answer: RecorderHandler): void {
  recorder.respond(path, { status: 204, headers: CORS_HEADERS, body: '' }, 'OPTIONS');
  recorder.respond(
    path,
    (request, index) => {
      const response: RecorderResponse = typeof answer === 'function' ? answer(request, index) : answer;
      return { ...response, headers: { ...CORS_HEADERS, ...response.headers } };
    },
    'POST',
  );
}

/**
 * Stops the extension's service worker as Chrome does when it idles or is killed: the worker's
 * target is closed over CDP (ServiceWorker.stopAllWorkers from a page does not reach an
 * extension's worker). Resolves once the worker is gone; the next event starts a new one.
 */
export async function stopServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const workerTarget = async () => {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: Array<{ type: string; url: string; targetId: string }>;
      };
      return targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`));
    };
    const target = await workerTarget();
    if (!target) return;
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
    for (let tries = 0; tries < 50 && (await workerTarget())?.targetId === target.targetId; tries++) {
      await new Promise((wake) => setTimeout(wake, 100));
    }
    await cdp.detach();
  } finally {
    await page.close();
  }
}

/** Every outbox record, read with plain IndexedDB from an extension page. */
export function readOutbox(page: Page): Promise<OutboxItem[]> {
  return page.evaluate(
    () =>
      new Promise<OutboxItem[]>((resolve, reject) => {
        const open = indexedDB.open('coachmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('outbox').objectStore('outbox').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as OutboxItem[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Stores outbox records as `enqueue` would (shape typed by OutboxItem), in one transaction. */
export function writeOutbox(page: Page, items: OutboxItem[]): Promise<void> {
  return page.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('coachmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('outbox', 'readwrite');
          const store = transaction.objectStore('outbox');
          for (const record of records) store.put(record);
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    items,
  );
}

/** A small deterministic generator (mulberry32), so a fault run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
