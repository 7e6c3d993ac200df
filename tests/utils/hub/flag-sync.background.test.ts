// @vitest-environment node
// A real HTTP server on 127.0.0.1 and Node's own fetch: happy-dom's fetch would apply CORS.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CoachmarkDB } from '../../../utils/platform/db';
import { replacePack } from '../../../utils/cards/store';
import { saveCard } from '../../../utils/cards/authoring';
import { applyGapUpdates } from '../../../utils/gaps/updates';
import { gapRecordFromPayload } from '../../../utils/gaps/records';
import { resolveGaps } from '../../../utils/gaps/store';
import { syncHubFlags, type HubFlagSyncEnvironment } from '../../../utils/hub/flag-sync.background';
import { parseGapImport } from '../../../utils/gaps/import';
import { saveSettings } from '../../../utils/settings/settings';
import type { Card } from '../../../utils/cards/schema';
import { hubFlag, startFakeHub, type FakeHub } from './fake-hub';

let hub: FakeHub;
let database: CoachmarkDB;
let env: HubFlagSyncEnvironment;
let clock: number;

beforeAll(async () => {
  hub = await startFakeHub();
});
afterAll(() => hub.close());
beforeEach(async () => {
  fakeBrowser.reset();
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => ({});
  hub.reset();
  database = new CoachmarkDB(`hub-flags-${Math.random()}`);
  clock = Date.parse('2026-11-24T12:00:00.000Z');
  env = { fetch: (input, init) => fetch(input, init), now: () => clock, database, etags: new Map() };
  await saveSettings({ hubUrl: `${hub.url}/`, hubToken: hub.token });
});
afterEach(() => database.delete());

const card = (id: string, contexts: string[]): Card => ({
  id,
  title: `Card ${id}`,
  summary: 'A card.',
  steps: ['Do it.'],
  tools: ['canvas'],
  contexts,
  tags: [],
  level: 'beginner',
  links: [],
});

describe('syncHubFlags', () => {
  it('does nothing without a Hub, and forgets the Hub’s flags once none is set', async () => {
    hub.flags = [hubFlag('f1')];
    await syncHubFlags(env);
    expect(await database.gaps.count()).toBe(1);
    await saveSettings({ hubToken: '' });
    expect(await syncHubFlags(env)).toEqual({ outcome: 'none' });
    expect(await database.gaps.count()).toBe(0);
  });

  it('keeps every flag in the gaps table, marked with its Hub, and revalidates with the ETag', async () => {
    hub.flags = [
      hubFlag('f2', { note: 'Second teacher', teacher: { name: 'Ms. Lee' }, status: 'resolved', resolvedBy: 'Ms. Rivera' }),
      hubFlag('f1'),
    ];
    expect(await syncHubFlags(env)).toMatchObject({ outcome: 'updated', flags: 2, open: 1 });
    const f1 = await database.gaps.get('f1');
    expect(f1).toMatchObject({
      origin: 'imported',
      status: 'open',
      note: 'How do I hide grades until I post them?',
      teacher: 'Mr. Okafor',
      school: 'Lincoln Elementary',
      hub: { url: hub.url, status: 'open' },
    });
    expect(await database.gaps.get('f2')).toMatchObject({ status: 'resolved', hub: { status: 'resolved', resolvedBy: 'Ms. Rivera' } });

    expect(await syncHubFlags(env)).toMatchObject({ outcome: 'unchanged', flags: 2 });
    expect(hub.received.at(-1)!.headers['if-none-match']).toBe(env.etags.get(hub.url));
  });

  it('adopts a flag already here (the coach’s own), and unmarks rather than deletes it when the Hub goes', async () => {
    const [payload] = parseGapImport(JSON.stringify(hubFlag('mine'))).gaps;
    await database.gaps.add(gapRecordFromPayload(payload!, { origin: 'mine' }));
    hub.flags = [hubFlag('mine'), hubFlag('theirs')];
    await syncHubFlags(env);
    expect(await database.gaps.get('mine')).toMatchObject({ origin: 'mine', hub: { adopted: true } });
    hub.flags = [];
    await syncHubFlags(env);
    expect(await database.gaps.get('theirs')).toBeUndefined();
    const mine = await database.gaps.get('mine');
    expect(mine?.origin).toBe('mine');
    expect(mine?.hub).toBeUndefined();
  });

  it('resolves on the Hub what the coach resolved here, and follows a flag reopened there', async () => {
    hub.flags = [hubFlag('f1')];
    await syncHubFlags(env);
    await resolveGaps(['f1'], database);
    expect(await syncHubFlags(env)).toMatchObject({ resolved: 1, unresolved: 0, open: 0 });
    expect(hub.flags[0]).toMatchObject({ status: 'resolved', resolution: null });
    expect(await database.gaps.get('f1')).toMatchObject({ status: 'resolved', hub: { status: 'resolved', resolvedBy: 'Ms. Rivera' } });

    hub.flags[0] = hubFlag('f1');
    await syncHubFlags(env);
    expect(await database.gaps.get('f1')).toMatchObject({ status: 'open', hub: { status: 'open' } });
  });

  it('resolves a flag with the card written for its page', async () => {
    await replacePack({ schemaVersion: 1, id: 'district', name: 'District', version: '1.0.0', cards: [] }, { kind: 'local' }, database);
    hub.flags = [hubFlag('f1')];
    await syncHubFlags(env);
    expect((await saveCard('district', card('hide-grades', ['speedgrader']), {}, database)).ok).toBe(true);
    await applyGapUpdates(database);
    expect(await database.gaps.get('f1')).toMatchObject({ status: 'addressed', addressedByCardKey: 'district/hide-grades' });
    expect(await syncHubFlags(env)).toMatchObject({ resolved: 1 });
    expect(JSON.parse(hub.received.find((request) => request.path === '/v1/flags/f1/resolve')!.body)).toEqual({
      card: { id: 'hide-grades', pack: 'district' },
    });
    expect(await database.gaps.get('f1')).toMatchObject({ status: 'resolved', hub: { status: 'resolved' } });
  });

  it('says the token was refused, and keeps a resolution it could not send for the next sync', async () => {
    hub.flags = [hubFlag('f1')];
    await syncHubFlags(env);
    await resolveGaps(['f1'], database);
    const token = hub.token;
    hub.token = 'rotated';
    expect(await syncHubFlags(env)).toMatchObject({ outcome: 'failed', failure: { kind: 'refused' } });
    expect(await database.gaps.get('f1')).toMatchObject({ status: 'resolved', hub: { status: 'open', lastError: 'refused' } });
    hub.token = token;
    expect(await syncHubFlags(env)).toMatchObject({ resolved: 1 });
    expect((await database.gaps.get('f1'))?.hub).toEqual({ url: hub.url, status: 'resolved', resolvedBy: 'Ms. Rivera' });
  });

  it('leaves out what the Hub lists that is not a gap flag', async () => {
    hub.flags = [hubFlag('good'), { ...hubFlag('bad'), kind: 'nonsense' }];
    expect(await syncHubFlags(env)).toMatchObject({ flags: 1 });
    expect(await database.gaps.get('bad')).toBeUndefined();
  });
});
