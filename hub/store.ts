import { createHash, randomBytes } from 'node:crypto';
import type { Database, Queryable } from './database';
import type { EndpointFormat, GapFlagPayload, MentorVolunteerPayload, OutgoingPayload } from '../utils/endpoints/types';
import type { Pack } from '../utils/cards/schema';
import { compareVersions } from '../utils/cards/schema';
import { MENTOR_DIRECTORY_SCHEMA_VERSION, type MentorDirectory } from '../utils/mentors/directory';

/** The Hub's reads and writes, one function each, on either database. */

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());

export type StoreResult = 'accepted' | 'duplicate' | 'conflict';

export interface Forwarding {
  url: string;
  format: EndpointFormat;
}

/**
 * Stores one event exactly once. The insert and everything that hangs off it (the inbox row,
 * the volunteer, the chat message to forward) are one transaction, so a crash leaves either
 * all of it or none, and a retry finds the first copy by its key.
 */
export async function storeEvent(
  database: Database,
  payload: OutgoingPayload,
  rawBody: string,
  forwarding: Forwarding | null,
): Promise<StoreResult> {
  const bodyHash = sha256(rawBody);
  return database.transaction(async (tx) => {
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO events (id, type, body_sha256, payload, created_at) VALUES ($1, $2, $3, $4::json, $5)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [payload.id, payload.type, bodyHash, JSON.stringify(payload), new Date(payload.createdAt).toISOString()],
    );
    if (inserted.length === 0) {
      const [first] = await tx.query<{ body_sha256: string }>('SELECT body_sha256 FROM events WHERE id = $1', [payload.id]);
      return first?.body_sha256 === bodyHash ? 'duplicate' : 'conflict';
    }
    if (payload.type === 'gap-flag') await insertFlag(tx, payload);
    if (payload.type === 'mentor-volunteer') await insertVolunteer(tx, payload);
    if (forwarding) {
      await tx.query('INSERT INTO forward_queue (event_id, format, url) VALUES ($1, $2, $3)', [
        payload.id,
        forwarding.format,
        forwarding.url,
      ]);
    }
    return 'accepted';
  });
}

async function insertFlag(tx: Queryable, flag: GapFlagPayload) {
  await tx.query('INSERT INTO flags (id, tool_id, context, kind, created_at) VALUES ($1, $2, $3, $4, $5)', [
    flag.id,
    flag.tool.id,
    flag.page.context,
    flag.kind,
    new Date(flag.createdAt).toISOString(),
  ]);
}

async function insertVolunteer(tx: Queryable, volunteer: MentorVolunteerPayload) {
  await tx.query('INSERT INTO volunteers (id, created_at) VALUES ($1, $2)', [volunteer.id, new Date(volunteer.createdAt).toISOString()]);
}

export type FlagStatus = 'open' | 'resolved';

export type HubFlag = GapFlagPayload & {
  status: FlagStatus;
  receivedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: { card: { id: string; pack: string } } | null;
};

interface FlagRow {
  payload: GapFlagPayload;
  status: FlagStatus;
  received_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: HubFlag['resolution'];
}

/** Every flag, newest first (by when the teacher sent it); only open or resolved ones when asked. */
export async function listFlags(database: Database, status?: FlagStatus): Promise<HubFlag[]> {
  const rows = await database.query<FlagRow>(
    `SELECT e.payload, f.status, e.received_at, f.resolved_at, f.resolved_by, f.resolution
       FROM flags f JOIN events e ON e.id = f.id
      WHERE ($1::text IS NULL OR f.status = $1)
      ORDER BY f.created_at DESC, f.id`,
    [status ?? null],
  );
  return rows.map((row) => ({
    ...row.payload,
    status: row.status,
    receivedAt: iso(row.received_at)!,
    resolvedAt: iso(row.resolved_at),
    resolvedBy: row.resolved_by,
    resolution: row.resolution ?? null,
  }));
}

/** false when no flag has that id. Resolving again keeps the first resolution's time. */
export async function setFlagStatus(
  database: Database,
  id: string,
  status: FlagStatus,
  coach: string,
  resolution: HubFlag['resolution'] = null,
): Promise<boolean> {
  const rows =
    status === 'resolved'
      ? await database.query(
          `UPDATE flags SET status = 'resolved', resolved_at = COALESCE(resolved_at, now()), resolved_by = COALESCE(resolved_by, $2),
                  resolution = COALESCE($3::jsonb, resolution)
            WHERE id = $1 RETURNING id`,
          [id, coach, resolution === null ? null : JSON.stringify(resolution)],
        )
      : await database.query(
          `UPDATE flags SET status = 'open', resolved_at = NULL, resolved_by = NULL, resolution = NULL WHERE id = $1 RETURNING id`,
          [id],
        );
  return rows.length > 0;
}

export type VolunteerStatus = 'pending' | 'approved' | 'declined';

export type HubVolunteer = MentorVolunteerPayload & {
  status: VolunteerStatus;
  receivedAt: string;
  decidedAt: string | null;
};

export async function listVolunteers(database: Database, status?: VolunteerStatus): Promise<HubVolunteer[]> {
  const rows = await database.query<{
    payload: MentorVolunteerPayload;
    status: VolunteerStatus;
    received_at: string;
    decided_at: string | null;
  }>(
    `SELECT e.payload, v.status, e.received_at, v.decided_at
       FROM volunteers v JOIN events e ON e.id = v.id
      WHERE ($1::text IS NULL OR v.status = $1)
      ORDER BY v.created_at DESC, v.id`,
    [status ?? null],
  );
  return rows.map((row) => ({ ...row.payload, status: row.status, receivedAt: iso(row.received_at)!, decidedAt: iso(row.decided_at) }));
}

export async function decideVolunteer(database: Database, id: string, status: Exclude<VolunteerStatus, 'pending'>, coach: string) {
  const rows = await database.query('UPDATE volunteers SET status = $2, decided_at = now(), decided_by = $3 WHERE id = $1 RETURNING id', [
    id,
    status,
    coach,
  ]);
  return rows.length > 0;
}

/**
 * The approved volunteers as the mentor directory the extension syncs
 * (utils/mentors/directory.ts). A teacher who volunteered twice is one mentor: the newest
 * offer (by name and school) wins, so updating one's tools is volunteering again.
 */
export async function mentorDirectory(database: Database, format: EndpointFormat): Promise<MentorDirectory> {
  const approved = await listVolunteers(database, 'approved');
  const seen = new Set<string>();
  const mentors: MentorDirectory['mentors'] = [];
  for (const volunteer of approved) {
    const person = `${volunteer.teacher.name.trim().toLowerCase()}\u0000${(volunteer.teacher.school ?? '').trim().toLowerCase()}`;
    if (seen.has(person)) continue;
    seen.add(person);
    const handle = volunteer.handle.trim();
    mentors.push({
      id: `volunteer-${volunteer.id}`,
      name: volunteer.teacher.name,
      handles: handle ? { [format]: handle, json: handle } : {},
      tools: volunteer.tools.map((tool) => tool.id),
    });
  }
  return { schemaVersion: MENTOR_DIRECTORY_SCHEMA_VERSION, mentors };
}

export interface PackSummary {
  id: string;
  name: string;
  version: string;
  cards: number;
  updatedAt: string;
}

export type PublishResult = { ok: true; version: string } | { ok: false; published: string };

/** Stores a validated pack if its version is higher than the one published (or none is). */
export async function publishPack(database: Database, pack: Pack, coach: string): Promise<PublishResult> {
  const body = JSON.stringify(pack);
  return database.transaction(async (tx) => {
    const [current] = await tx.query<{ version: string }>('SELECT version FROM packs WHERE id = $1 FOR UPDATE', [pack.id]);
    if (current && compareVersions(pack.version, current.version) <= 0) return { ok: false, published: current.version };
    await tx.query(
      `INSERT INTO packs (id, name, version, body, etag, card_count, published_by, updated_at)
       VALUES ($1, $2, $3, $4::json, $5, $6, $7, now())
       ON CONFLICT (id) DO UPDATE SET name = $2, version = $3, body = $4::json, etag = $5, card_count = $6, published_by = $7, updated_at = now()`,
      [pack.id, pack.name, pack.version, body, `"${sha256(body).slice(0, 32)}"`, pack.cards.length, coach],
    );
    return { ok: true, version: pack.version };
  });
}

export async function getPack(database: Database, id: string): Promise<{ body: unknown; etag: string } | null> {
  const [row] = await database.query<{ body: unknown; etag: string }>('SELECT body, etag FROM packs WHERE id = $1', [id]);
  return row ?? null;
}

export async function listPacks(database: Database): Promise<PackSummary[]> {
  const rows = await database.query<{ id: string; name: string; version: string; card_count: number; updated_at: string }>(
    'SELECT id, name, version, card_count, updated_at FROM packs ORDER BY name, id',
  );
  return rows.map((row) => ({ id: row.id, name: row.name, version: row.version, cards: row.card_count, updatedAt: iso(row.updated_at)! }));
}

/** A new coach token: returned once; only its hash is kept. */
export async function createCoachToken(database: Database, name: string): Promise<string> {
  const token = `cmh_${randomBytes(24).toString('base64url')}`;
  await database.query('INSERT INTO coach_tokens (name, token_sha256) VALUES ($1, $2)', [name, sha256(token)]);
  return token;
}

/** Adds a token given in the configuration (HUB_COACH_TOKEN) unless it is already known. */
export async function seedCoachToken(database: Database, token: string, name = 'Coach'): Promise<void> {
  await database.query('INSERT INTO coach_tokens (name, token_sha256) VALUES ($1, $2) ON CONFLICT (token_sha256) DO NOTHING', [
    name,
    sha256(token),
  ]);
}

/** The coach's name, or null for an unknown or revoked token. */
export async function coachForToken(database: Database, token: string): Promise<string | null> {
  const [row] = await database.query<{ name: string }>('SELECT name FROM coach_tokens WHERE token_sha256 = $1 AND revoked_at IS NULL', [
    sha256(token),
  ]);
  return row?.name ?? null;
}

export async function listCoachTokens(
  database: Database,
): Promise<Array<{ id: number; name: string; createdAt: string; revoked: boolean }>> {
  const rows = await database.query<{ id: number; name: string; created_at: string; revoked_at: string | null }>(
    'SELECT id::int AS id, name, created_at, revoked_at FROM coach_tokens ORDER BY id',
  );
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: iso(row.created_at)!, revoked: row.revoked_at !== null }));
}

export async function revokeCoachToken(database: Database, id: number): Promise<boolean> {
  return (
    (await database.query('UPDATE coach_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id])).length > 0
  );
}

/** How many events of each kind are stored (the health check and the benchmark read it). */
export async function countEvents(database: Database): Promise<Record<string, number>> {
  const rows = await database.query<{ type: string; n: number }>('SELECT type, count(*)::int AS n FROM events GROUP BY type');
  return Object.fromEntries(rows.map((row) => [row.type, row.n]));
}
