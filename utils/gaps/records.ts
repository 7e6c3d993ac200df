import type { GapRecord, GapStatus, OutboxItem } from '../platform/db';
import type { GapFlagPayload } from '../endpoints/types';
import { cardKey, placeKey } from '../platform/keys';
import { contextName, toolById } from '../tools/catalog';

/** A flag as the database keeps it, and back again; where it is about; its state in one word. */

/** The stored record for a flag, mine or imported. */
export function gapRecordFromPayload(
  payload: GapFlagPayload,
  options: { origin: GapRecord['origin']; status?: GapStatus; baseline?: GapRecord['baseline']; queuedAt?: number },
): GapRecord {
  const record: GapRecord = {
    id: payload.id,
    kind: payload.kind,
    tool: payload.tool.id,
    context: payload.page.context,
    note: payload.note,
    searches: [...payload.searches],
    status: options.status ?? 'open',
    createdAt: parseTime(payload.createdAt),
    origin: options.origin,
    payload,
  };
  if (payload.card) {
    record.cardKey = cardKey(payload.card.pack, payload.card.id);
    record.cardId = payload.card.id;
    record.cardVersion = payload.card.version;
    if (payload.card.step !== undefined) record.cardStep = payload.card.step;
  }
  if (payload.teacher.name) record.teacher = payload.teacher.name;
  if (payload.teacher.school) record.school = payload.teacher.school;
  if (options.baseline) record.baseline = options.baseline;
  if (options.queuedAt !== undefined) record.queuedAt = options.queuedAt;
  return record;
}

function parseTime(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
}

/** The payload of a stored flag: the one sent or imported, or one rebuilt from the record. */
export function gapToPayload(gap: GapRecord): GapFlagPayload {
  if (gap.payload) return gap.payload;
  const payload: GapFlagPayload = {
    type: 'gap-flag',
    id: gap.id,
    createdAt: new Date(gap.createdAt).toISOString(),
    teacher: gap.school ? { name: gap.teacher ?? '', school: gap.school } : { name: gap.teacher ?? '' },
    tool: { id: gap.tool, name: toolById(gap.tool)?.name ?? gap.tool },
    page: { context: gap.context, name: contextName(gap.tool, gap.context), url: '' },
    mentors: [],
    kind: gap.kind,
    note: gap.note,
    searches: [...gap.searches],
  };
  if (gap.cardId && gap.cardKey) {
    const pack = gap.cardKey.slice(0, gap.cardKey.length - gap.cardId.length - 1);
    payload.card = { id: gap.cardId, title: gap.cardId, pack, version: gap.cardVersion ?? 1 };
    if (gap.cardStep !== undefined) payload.card.step = gap.cardStep;
  }
  return payload;
}

/** Where a flag is about: `tool/context`, or `tool/*` for a flag about the tool as a whole. */
export function gapPlace(gap: Pick<GapRecord, 'tool' | 'context'>): string {
  return placeKey(gap.tool, gap.context);
}

export type FlagState = 'open' | 'sent' | 'addressed' | 'resolved';

/** A flag's state in one word: sent as soon as its outbox item is delivered. */
export function flagState(gap: Pick<GapRecord, 'status'>, item?: Pick<OutboxItem, 'status'>): FlagState {
  if (gap.status === 'addressed' || gap.status === 'resolved') return gap.status;
  if (gap.status === 'sent' || item?.status === 'sent') return 'sent';
  return 'open';
}
