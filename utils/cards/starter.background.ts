import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { db as defaultDb, type CoachmarkDB } from '../platform/db';
import { onMessage } from '../platform/messages';
import { rerunningFlight } from '../platform/single-flight';
import { parsePack } from './pack';
import { ensureStarterPack, replacePack, STARTER_PACK_ID, STARTER_PACK_PATH } from './store';

export interface StarterPackOptions {
  database?: CoachmarkDB;
  /** The bundled pack file's text (the extension's own file by default). */
  readBundledText?: () => Promise<string>;
}

const readBundledFile = async (): Promise<string> => {
  const response = await fetch(browser.runtime.getURL(STARTER_PACK_PATH as '/packs/starter.json'));
  return response.text();
};

/**
 * Loads the bundled starter pack on install, on update, and (if missing) on startup; and puts
 * it back whenever it goes missing while the browser runs (its pack or its cards deleted, the
 * database reset), which a teacher cannot do on purpose: the studio offers no way to remove
 * the built-in pack. Returns the cleanup.
 */
export function setupStarterPack(options: StarterPackOptions = {}): () => void {
  const database = options.database ?? defaultDb;
  const readBundledText = options.readBundledText ?? readBundledFile;
  const log = (error: unknown) => console.error('Coachmark: could not load the starter pack', error);

  // Install, update and repair share one run at a time, so two writers never race on the pack.
  // A repair that fails leaves the tables as they were, so the watch below does not fire again for it.
  const sync = rerunningFlight(async (): Promise<'installed' | 'current'> => {
    if (await starterPackComplete(database))
      return (await ensureStarterPack(readBundledText, database)) === 'current' ? 'current' : 'installed';
    const parsed = parsePack(await readBundledText());
    if (!parsed.ok) throw new Error(`The bundled starter pack is invalid: ${parsed.errors.slice(0, 3).join('; ')}`);
    await replacePack(parsed.pack, { kind: 'builtin' }, database);
    return 'installed';
  });
  const load = () => sync.run().catch(log);
  browser.runtime.onInstalled.addListener(() => void load());
  browser.runtime.onStartup.addListener(() => void load());

  const watch = () =>
    liveQuery(() => starterPackComplete(database)).subscribe({
      next: (complete) => {
        if (!complete) void load();
      },
      error: log,
    });
  let subscription = watch();

  const removeReset = onMessage('pageResetsDatabase', async () => {
    // The open that failed left this connection closed for good: open the new database.
    subscription.unsubscribe();
    try {
      await database.open();
      return { starterPack: await sync.run() };
    } catch (error) {
      log(error);
      return { starterPack: 'failed' } as const;
    } finally {
      subscription = watch();
    }
  });

  return () => {
    subscription.unsubscribe();
    removeReset();
  };
}

/** Whether the built-in pack and all its cards are stored (by key and by index: cheap to watch). */
async function starterPackComplete(database: CoachmarkDB): Promise<boolean> {
  const [pack, cards] = await Promise.all([
    database.packs.get(STARTER_PACK_ID),
    database.cards.where('pack').equals(STARTER_PACK_ID).count(),
  ]);
  return pack !== undefined && cards >= pack.cardCount && cards > 0;
}
