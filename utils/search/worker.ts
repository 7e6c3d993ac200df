import { createLocalSearchClient, serveSearch, type FromSearchWorker, type ToSearchWorker } from './client';

/**
 * The panel's search worker: reads every card and builds the index off the page's thread, then
 * answers one message per keystroke (see utils/search-client.ts). Loaded only with
 * `new Worker(new URL(...))`, never imported.
 */

const scope = self as unknown as {
  postMessage(message: FromSearchWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToSearchWorker>) => void): void;
};

const handle = serveSearch(createLocalSearchClient(), (message) => scope.postMessage(message));
scope.addEventListener('message', (event) => handle(event.data));
