import Dexie, { type EntityTable } from 'dexie';
import type { Card } from '../cards/schema';
import type { EndpointFormat, GapFlagPayload, GapKind, GoalProgress, GrowthPlanPayload, OutgoingPayload } from '../endpoints/types';
import type { HubFlagState } from '../hub/types';
import { cardKey, placesOf } from './keys';

/** Where a pack came from: shipped with the extension, imported by a coach, or a synced URL. */
export type PackSource =
  | { kind: 'builtin' }
  | { kind: 'local'; fileName?: string }
  | {
      kind: 'url';
      url: string;
      etag?: string;
      /** When the last sync attempt ended, good or not. */
      lastSyncAt?: number;
      /** Why the last attempt failed (`code` or `code: detail`); absent after a good sync. The cards are the last good copy. */
      lastError?: string;
      /** 'settings' when the URL came from settings or policy (removed with it); otherwise the coach subscribed in the studio. */
      subscribedBy?: 'settings' | 'studio';
    };

export interface PackRecord {
  id: string;
  name: string;
  version: string;
  description?: string;
  /** The pack's language, kept so that an exported pack is the pack that was imported. */
  lang?: string;
  source: PackSource;
  cardCount: number;
  updatedAt: number;
}

/** A card as stored: the pack's card plus derived index fields. */
export interface CardRecord extends Card {
  /** cardKey(pack, id) in keys.ts: `pack/id`. */
  key: string;
  pack: string;
  /** placesOf(card) in keys.ts: `tool/context` for every tool × context pair, `tool/*` for tool-wide cards. */
  places: string[];
  /** Place in the pack's file, so that an export keeps the author's order (and Git diffs stay small). */
  position?: number;
}

/**
 * 'held': kept on this device, because no endpoint was set when the teacher pressed Send, or
 * (`heldFor: 'consent'`) because Firefox's data consent was withdrawn while it waited.
 */
export type OutboxStatus = 'held' | 'queued' | 'sending' | 'sent' | 'failed';

/** A ping or gap flag waiting for, or done with, delivery. `id` is also the Idempotency-Key. */
export interface OutboxItem {
  id: string;
  kind: OutgoingPayload['type'];
  payload: OutgoingPayload;
  /** Where it goes, fixed when the teacher pressed Send, or when an endpoint is set for a held item (null until then). */
  endpoint: { url: string; format: EndpointFormat } | null;
  status: OutboxStatus;
  /** Why a held item that has its endpoint waits: 'consent' until Firefox's data consent is given again (consent-hold.ts). */
  heldFor?: 'consent';
  attempts: number;
  createdAt: number;
  /** Epoch ms of the next attempt (queued items only). */
  nextAttemptAt: number;
  lastAttemptAt?: number;
  sentAt?: number;
  /** Why the last attempt did not deliver (see describeOutboxItem for the words). */
  lastError?: import('../outbox/retry').DeliveryError;
  /** HTTP status of the last answer, when there was one. */
  lastStatus?: number;
}

export type GapStatus = 'open' | 'sent' | 'addressed' | 'resolved';

/** A gap a teacher flagged (kept locally under "My flags"), or one a coach imported. */
export interface GapRecord {
  id: string;
  kind: GapKind;
  tool: string;
  context: string | null;
  cardKey?: string;
  cardId?: string;
  cardVersion?: number;
  /** The step of the card the flag is about, counted from 1 (payload.card.step); not indexed. */
  cardStep?: number;
  note: string;
  searches: string[];
  status: GapStatus;
  createdAt: number;
  /** 'mine' for this teacher's flags; 'imported' for flags a coach brought in from the endpoint. */
  origin: 'mine' | 'imported';
  teacher?: string;
  school?: string;
  addressedAt?: number;
  addressedByCardKey?: string;
  /** The panel says "addressed" once; then this is set. */
  addressedSeenAt?: number;
  /** When a coach marked it resolved. */
  resolvedAt?: number;
  /** The payload as sent (or as imported), so a flag kept while no endpoint was set can go later. */
  payload?: GapFlagPayload;
  /** When the flag was handed to the outbox; absent while it waits for an endpoint. */
  queuedAt?: number;
  /**
   * The cards that already answered the flag when it was made (the page's cards, or the flagged
   * card's version): a card later found that is not in here, or newer, addresses the flag.
   */
  baseline?: CardStamp[];
  /** Set on a flag the district's Hub holds: which Hub, and the flag's state there (utils/hub/flag-store.ts). */
  hub?: HubFlagState;
}

/** A card's identity and version, enough to tell a new card or a newer copy from the same one. */
export interface CardStamp {
  key: string;
  version?: number;
  updatedAt?: string;
}

export interface Mentor {
  id: string;
  name: string;
  /** Chat handle per endpoint format (Slack member id, Discord user id, Teams e-mail…). */
  handles: Partial<Record<EndpointFormat, string>>;
  tools: string[];
  /**
   * 'directory' for a mentor from the school's published directory (settings key
   * mentorDirectoryUrl): read-only here, replaced by each sync. Absent or 'local': added in the studio.
   */
  source?: 'local' | 'directory';
}

/** The teacher's own relationship with a card: all local, never sent. */
export interface CardFeedback {
  cardKey: string;
  helpful?: 'yes' | 'no';
  helpfulAt?: number;
  known?: boolean;
  viewedAt?: number;
}

/** A search on a page that found nothing, kept for the gaps loop. */
export interface SearchMiss {
  id?: number;
  query: string;
  tool: string | null;
  context: string | null;
  at: number;
}

/**
 * A "show me" target that was not found on the page: which card and step (from 0, as the card's
 * targets count), on which tool and page type, and when. Kept on this device only, to count
 * which steps stopped matching (utils/gaps/target-misses.ts).
 */
export interface TargetMiss {
  id?: number;
  cardKey: string;
  /** Index of the step in the card's steps, from 0. */
  step: number;
  tool: string | null;
  context: string | null;
  /** Epoch ms. */
  at: number;
}

/**
 * The teacher's growth plan (utils/plan/): goals, what they saved for the coaching conversation,
 * their reflections and the meeting rhythm. All on this device; a summary leaves it only when
 * the teacher reads it and presses Send.
 */
export interface PlanGoalRecord {
  id: string;
  /** In the teacher's own words. */
  text: string;
  /** The tool the goal is about, or null for a practice. */
  tool: string | null;
  progress: GoalProgress;
  createdAt: number;
  /** When progress last changed. */
  progressAt?: number;
}

/** A card as the plan keeps it: its title as it was, so the plan reads well if the pack changes. */
export interface PlanCardStamp {
  key: string;
  id: string;
  title: string;
  pack: string;
  tools: string[];
}

/** Something saved for the coaching conversation: a card or a sent ping, with the teacher's note. */
export interface PlanSavedRecord {
  id: string;
  savedAt: number;
  note: string;
  /** The goal it is linked to; null when none. */
  goalId: string | null;
  card?: PlanCardStamp;
  /** A ping, copied when saved (the outbox forgets sent pings after a while; the plan keeps this). */
  ping?: { id: string; createdAt: number; tool: { id: string; name: string }; page: string | null; message: string };
}

/** The teacher's answer to "How did it go?". Stored with the goal; never sent by itself. */
export interface PlanReflectionRecord {
  id: string;
  at: number;
  text: string;
  goalId: string | null;
  card?: PlanCardStamp;
  /** What asked: "This helped" on a card, a finished walkthrough, or the plan itself. */
  source: 'helped' | 'walkthrough' | 'plan';
}

/** One row (id 'plan'): the meeting rhythm. */
export interface PlanMetaRecord {
  id: 'plan';
  /** The next coaching meeting, a local date YYYY-MM-DD. */
  nextMeeting: string | null;
  /** The last meeting that has passed; the plan's period starts the day after it. */
  lastMeeting: string | null;
  /** The meeting whose reminder the teacher put away ("Not now"). */
  reminderDismissed?: string;
}

/** A plan a teacher shared, as a coach imported it in the studio. */
export interface SharedPlanRecord {
  /** The payload's id. */
  id: string;
  /** teacherKey(payload.teacher): name and school, folded, so one teacher's plans group together. */
  teacherKey: string;
  receivedAt: number;
  payload: GrowthPlanPayload;
}

export const DB_NAME = 'coachmark';

export class CoachmarkDB extends Dexie {
  packs!: EntityTable<PackRecord, 'id'>;
  cards!: EntityTable<CardRecord, 'key'>;
  outbox!: EntityTable<OutboxItem, 'id'>;
  gaps!: EntityTable<GapRecord, 'id'>;
  mentors!: EntityTable<Mentor, 'id'>;
  feedback!: EntityTable<CardFeedback, 'cardKey'>;
  searchMisses!: EntityTable<SearchMiss, 'id'>;
  goals!: EntityTable<PlanGoalRecord, 'id'>;
  planSaved!: EntityTable<PlanSavedRecord, 'id'>;
  reflections!: EntityTable<PlanReflectionRecord, 'id'>;
  planMeta!: EntityTable<PlanMetaRecord, 'id'>;
  sharedPlans!: EntityTable<SharedPlanRecord, 'id'>;
  targetMisses!: EntityTable<TargetMiss, 'id'>;

  constructor(name = DB_NAME) {
    super(name, { indexedDB: knownVersionsOnly(Dexie.dependencies.indexedDB) });
    // Shipped versions are never edited: a schema change is a new version with an upgrade.
    this.version(1).stores({
      packs: 'id',
      cards: 'key, pack, *tools, *places',
      outbox: 'id, status, nextAttemptAt, createdAt',
      gaps: 'id, status, origin, tool, [tool+context], createdAt',
      mentors: 'id, *tools',
      feedback: 'cardKey, viewedAt',
      searchMisses: '++id, at, [tool+context]',
    });
    // Delivery and pruning read by status and time, so their cost stays flat as sent history grows.
    this.version(2).stores({
      outbox: 'id, status, nextAttemptAt, createdAt, [status+nextAttemptAt], [status+sentAt]',
    });
    // The teacher's growth plan, and the plans teachers shared with a coach.
    this.version(3).stores({
      goals: 'id, createdAt',
      planSaved: 'id, savedAt, goalId, card.key, ping.id',
      reflections: 'id, at, goalId',
      planMeta: 'id',
      sharedPlans: 'id, teacherKey, receivedAt',
    });
    // "Show me" targets not found on this device, counted by time (and pruned oldest first).
    this.version(4).stores({
      targetMisses: '++id, at',
    });
    // District cards that stand in for another pack's card (`replaces`), found by what they replace.
    this.version(5).stores({
      cards: 'key, pack, *tools, *places, replaces',
    });
  }
}

/**
 * The browser's IndexedDB, except that a database at a higher version than this build declares
 * is refused rather than patched. Dexie answers a VersionError by opening the database at
 * whatever version it has and adding the tables and indexes it misses, which rewrites a newer
 * build's schema under it; the teacher is told instead (utils/platform/db-health.ts) and
 * offered a reset that keeps their requests. Dexie only opens without a version after a
 * VersionError here, so asking for version 1 brings that same error back.
 */
function knownVersionsOnly(factory: IDBFactory | undefined): IDBFactory | undefined {
  // Without IndexedDB (the build imports modules in Node) Dexie reports the missing API itself.
  if (!factory) return undefined;
  return {
    open: (name, version) => factory.open(name, version ?? 1),
    deleteDatabase: (name) => factory.deleteDatabase(name),
    cmp: (first, second) => factory.cmp(first, second),
    ...(typeof factory.databases === 'function' ? { databases: () => factory.databases() } : {}),
  } as IDBFactory;
}

export const db = new CoachmarkDB();

export function toCardRecord(pack: string, card: Card, position?: number): CardRecord {
  const record: CardRecord = { ...card, key: cardKey(pack, card.id), pack, places: placesOf(card) };
  if (position !== undefined) record.position = position;
  return record;
}
