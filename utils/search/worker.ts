import { createSearchCache } from './cache';
import { createLocalSearchClient, serveSearch, type FromSearchWorker, type ToSearchWorker } from './client';

/**
 * The panel's search worker: reads every card and builds the index off the page's thread, then
 * answers one message per keystroke (see client.ts). The messages carry the panel's UI language
 * (a worker has no browser.i18n), which picks the cards and the analyser. Loaded only as a
 * worker, never imported.
 */

const scope = self as unknown as {
  postMessage(message: FromSearchWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToSearchWorker>) => void): void;
};

const handle = serveSearch(
  (uiLanguage) => createLocalSearchClient(undefined, createSearchCache(undefined, { uiLanguage })),
  (message) => scope.postMessage(message),
);
scope.addEventListener('message', (event) => handle(event.data));
