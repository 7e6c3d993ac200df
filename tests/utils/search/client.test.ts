import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoachmarkDB } from '../../../utils/platform/db';
import { replacePack } from '../../../utils/cards/store';
import { createSearchCache } from '../../../utils/search/cache';
import {
  createLocalSearchClient,
  createWorkerSearchClient,
  serveSearch,
  type FromSearchWorker,
  type SearchClient,
  type SearchWorkerPort,
  type ToSearchWorker,
} from '../../../utils/search/client';
import type { Card } from '../../../utils/cards/schema';
import { card as validCard } from '../../support/factories';

const card = (id: string, title: string, tools = ['canvas'], contexts: string[] = []): Card =>
  validCard({ id, title, summary: 's', steps: ['x'], tools, contexts });

/**
 * Both ends of the worker protocol in one thread: messages are structured-cloned and delivered
 * asynchronously in each direction, as postMessage does.
 */
function connect(server: SearchClient | ((uiLanguage: string | undefined) => SearchClient)) {
  const toPage = new Set<(event: { data: FromSearchWorker }) => void>();
  const errors = new Set<(event: unknown) => void>();
  const sent: ToSearchWorker[] = [];
  let terminated = false;
  const handle = serveSearch(typeof server === 'function' ? server : () => server, (message) => {
    const data = structuredClone(message);
    setTimeout(() => !terminated && toPage.forEach((listener) => listener({ data })), 0);
  });
  const port: SearchWorkerPort = {
    postMessage(message) {
      sent.push(message);
      const data = structuredClone(message);
      setTimeout(() => !terminated && handle(data), 0);
    },
    addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
      (type === 'message' ? toPage : errors).add(listener as never);
    },
    terminate() {
      terminated = true;
    },
  };
  return { port, sent, fail: () => errors.forEach((listener) => listener(new Error('worker crashed'))), isTerminated: () => terminated };
}

let database: CoachmarkDB;
let clients: SearchClient[] = [];

beforeEach(async () => {
  database = new CoachmarkDB(`search-client-${Math.random()}`);
  await database.open();
  await replacePack(
    {
      schemaVersion: 1,
      id: 'p',
      name: 'p',
      version: '1',
      cards: [
        card('rubric', 'Grade with a rubric', ['canvas'], ['speedgrader']),
        card('classroom-rubric', 'Add a rubric in Classroom', ['google-classroom']),
      ],
    },
    { kind: 'local' },
    database,
  );
  clients = [];
});
afterEach(async () => {
  for (const client of clients) client.dispose();
  await database.delete();
});

const track = (client: SearchClient) => {
  clients.push(client);
  return client;
};

describe('search through the worker protocol', () => {
  it('answers searches with the stored cards, the tool ranked first, and what to mark', async () => {
    const { port, sent } = connect(track(createLocalSearchClient(database)));
    const client = track(createWorkerSearchClient(port, () => createLocalSearchClient(database)));
    const ready = vi.fn();
    client.onReady(ready);
    client.warm();
    const answer = await client.search('rubrik', { tool: 'google-classroom' });
    expect(answer.query).toBe('rubrik');
    expect(answer.results.map((found) => found.key)).toEqual(['p/classroom-rubric', 'p/rubric']);
    expect(answer.results[0]).toMatchObject({ pack: 'p', places: ['google-classroom/*'] });
    expect(answer.matchTerms.terms).toContain('rubric');
    await vi.waitFor(() => expect(ready).toHaveBeenCalledWith(expect.objectContaining({ cards: 2 })));
    expect(ready).toHaveBeenCalledTimes(1);
    expect(sent.map((message) => message.type)).toEqual(['warm', 'search']);
  });

  it('keeps answers with their own requests when several are in flight', async () => {
    const { port } = connect(track(createLocalSearchClient(database)));
    const client = track(createWorkerSearchClient(port, () => createLocalSearchClient(database)));
    const answers = await Promise.all(['r', 'ru', 'rub', 'rubr', 'zzzz'].map((query) => client.search(query)));
    expect(answers.map((answer) => answer.query)).toEqual(['r', 'ru', 'rub', 'rubr', 'zzzz']);
    expect(answers[3]!.results).toHaveLength(2);
    expect(answers[4]!.results).toEqual([]);
  });

  it('tells the page when the library changed, and answers from the new cards', async () => {
    const { port } = connect(track(createLocalSearchClient(database)));
    const client = track(createWorkerSearchClient(port, () => createLocalSearchClient(database)));
    expect((await client.search('announcement')).results).toEqual([]);
    const invalidated = vi.fn();
    client.onInvalidate(invalidated);
    await replacePack(
      { schemaVersion: 1, id: 'q', name: 'q', version: '1', cards: [card('announce', 'Post an announcement')] },
      { kind: 'local' },
      database,
    );
    await vi.waitFor(() => expect(invalidated).toHaveBeenCalled());
    expect((await client.search('anouncement')).results.map((found) => found.id)).toEqual(['announce']);
  });

  it('falls back to searching in the page when the worker fails, keeping the searches waiting for it', async () => {
    // A worker that never answers, then crashes.
    const silent = track(createLocalSearchClient(database));
    const { port, fail, isTerminated } = connect({ ...silent, search: () => new Promise(() => {}) });
    const client = track(createWorkerSearchClient(port, () => createLocalSearchClient(database)));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const waiting = client.search('rubric');
    await new Promise((resolve) => setTimeout(resolve, 10));
    fail();
    expect((await waiting).results).toHaveLength(2);
    expect((await client.search('classroom')).results.map((found) => found.id)).toEqual(['classroom-rubric']);
    expect(isTerminated()).toBe(true);
    expect(errors).toHaveBeenCalled();
  });
});

describe('search in the teacher’s language', () => {
  beforeEach(async () => {
    await replacePack(
      {
        schemaVersion: 1,
        id: 'langs',
        name: 'langs',
        version: '1',
        lang: 'en',
        cards: [
          card('calendar', 'Add an event to the calendar'),
          validCard({
            id: 'calendar.es',
            title: 'Agregar un evento al calendario',
            summary: 'Para que los estudiantes vean las fechas.',
            steps: ['Abre el **Calendario** (**Calendar**).'],
            tools: ['canvas'],
            contexts: [],
            lang: 'es',
            tags: ['calendario', 'translation-of:calendar'],
          }),
        ],
      },
      { kind: 'local' },
      database,
    );
  });

  const inLanguage = (uiLanguage: string | undefined) =>
    track(createLocalSearchClient(database, createSearchCache(database, { uiLanguage })));

  it('sends the UI language with every message, and the worker indexes the cards a teacher sees in it', async () => {
    const languages: Array<string | undefined> = [];
    const { port, sent } = connect((uiLanguage) => {
      languages.push(uiLanguage);
      return inLanguage(uiLanguage);
    });
    const client = track(createWorkerSearchClient(port, () => inLanguage('es-419'), 'es-419'));
    client.warm();
    const answer = await client.search('calendarios');
    expect(answer.results.map((found) => found.id)).toEqual(['calendar.es']);
    expect(answer.matchTerms.language).toBe('es');
    expect(sent.map((message) => message.uiLanguage)).toEqual(['es-419', 'es-419']);
    // One index for the worker's life.
    expect(languages).toEqual(['es-419']);
    // Words of the English label a Spanish card quotes still find it, but never the English duplicate.
    expect((await client.search('calendar')).results.map((found) => found.id)).toEqual(['calendar.es']);
  });

  it('gives an English teacher the English card only, read as English', async () => {
    const client = inLanguage('en-US');
    const answer = await client.search('calendar');
    expect(answer.results.map((found) => found.id)).toEqual(['calendar']);
    expect(answer.matchTerms).not.toHaveProperty('language');
    // Spanish words find the English card (as a typo of "calendar"), never its translation.
    expect((await client.search('calendario')).results.map((found) => found.id)).toEqual(['calendar']);
  });

  it('builds another index when a message brings another language', async () => {
    const created: Array<string | undefined> = [];
    const posted: FromSearchWorker[] = [];
    const handle = serveSearch(
      (uiLanguage) => {
        created.push(uiLanguage);
        return inLanguage(uiLanguage);
      },
      (message) => posted.push(message),
    );
    handle({ type: 'search', id: 1, query: 'calendar', options: {}, uiLanguage: 'es' });
    handle({ type: 'search', id: 2, query: 'calendar', options: {}, uiLanguage: 'es' });
    handle({ type: 'search', id: 3, query: 'calendar', options: {}, uiLanguage: 'en' });
    await vi.waitFor(() => expect(posted.filter((message) => message.type === 'answer')).toHaveLength(3));
    const found = (id: number) =>
      posted.flatMap((message) => (message.type === 'answer' && message.id === id ? message.answer.results.map((card) => card.id) : []));
    expect([found(1), found(2), found(3)]).toEqual([['calendar.es'], ['calendar.es'], ['calendar']]);
    expect(created).toEqual(['es', 'en']);
  });
});
