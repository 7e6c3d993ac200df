/**
 * Generic JSON: the payload itself, as documented in the README. Built field by field so that
 * only documented fields leave the device, in a stable order, whatever else the object carries.
 * Nothing is escaped: a receiver gets the teacher's words as typed and renders them itself. Two
 * things are changed on the way: the marks that reorder or break lines are taken out (as in every
 * format), and every field is cut to a documented length, so the body has a known bound.
 */
import { TEXT_LIMITS, stripLayoutMarks, truncate } from './message-parts';
import type { GapFlagPayload, HelpRequestPayload, OutgoingPayload, PayloadBase, RoutedMentor } from './types';

export type GenericJsonPayload = OutgoingPayload;

/**
 * Field lengths in UTF-16 units (what JavaScript's `length` counts), as documented in the README.
 * Names and the words match the chat formats; searches and the URL are what the forms keep, so a
 * payload made by the extension is never cut. A cut value ends with "…".
 */
export const JSON_LIMITS = {
  id: 128,
  createdAt: 64,
  /** teacher.name, teacher.school, tool.name, page.name, mentors[].name, card.pack */
  name: TEXT_LIMITS.name,
  /** tool.id, page.context, card.id */
  token: 100,
  url: 2000,
  handle: 254,
  mentors: 20,
  words: TEXT_LIMITS.words,
  cardTitle: TEXT_LIMITS.card,
  searches: 10,
  search: 200,
} as const;

/**
 * The whole encoded body, in UTF-8 bytes. The caps above hold it: every unit is at most three
 * bytes once encoded (a character outside the BMP is two units and four bytes; `"` and `\` are
 * one unit and two bytes; the controls that JSON would spell as six-byte `\u00XX` are dropped).
 */
export const JSON_BODY_BUDGET = 48 * 1024;

/** A field as typed, cleaned as every format cleans it (stripLayoutMarks) and cut to `max`. */
function field(text: string, max: number): string {
  return truncate(stripLayoutMarks(String(text)), max);
}

/**
 * The id as sent, in the body and in the Idempotency-Key header alike (a UUID is far shorter; a
 * longer one is cut the same way in both places, so they still agree).
 */
export function payloadId(payload: Pick<PayloadBase, 'id'>): string {
  return field(payload.id, JSON_LIMITS.id);
}

function mentor(routed: RoutedMentor): RoutedMentor {
  const name = field(routed.name, JSON_LIMITS.name);
  return routed.handle === undefined ? { name } : { name, handle: field(routed.handle, JSON_LIMITS.handle) };
}

function base(payload: PayloadBase): PayloadBase {
  return {
    id: payloadId(payload),
    createdAt: field(payload.createdAt, JSON_LIMITS.createdAt),
    teacher:
      payload.teacher.school === undefined
        ? { name: field(payload.teacher.name, JSON_LIMITS.name) }
        : { name: field(payload.teacher.name, JSON_LIMITS.name), school: field(payload.teacher.school, JSON_LIMITS.name) },
    tool: { id: field(payload.tool.id, JSON_LIMITS.token), name: field(payload.tool.name, JSON_LIMITS.name) },
    page: {
      context: payload.page.context === null ? null : field(payload.page.context, JSON_LIMITS.token),
      name: payload.page.name === null ? null : field(payload.page.name, JSON_LIMITS.name),
      url: field(payload.page.url, JSON_LIMITS.url),
    },
    mentors: payload.mentors.slice(0, JSON_LIMITS.mentors).map(mentor),
  };
}

export function toJsonPayload(payload: OutgoingPayload): GenericJsonPayload {
  if (payload.type === 'help-request') {
    const help: HelpRequestPayload = {
      type: 'help-request',
      ...base(payload),
      message: field(payload.message, JSON_LIMITS.words),
      urgency: payload.urgency,
    };
    return help;
  }
  const gap: GapFlagPayload = {
    type: 'gap-flag',
    ...base(payload),
    kind: payload.kind,
    note: field(payload.note, JSON_LIMITS.words),
    ...(payload.card
      ? {
          card: {
            id: field(payload.card.id, JSON_LIMITS.token),
            title: field(payload.card.title, JSON_LIMITS.cardTitle),
            pack: field(payload.card.pack, JSON_LIMITS.name),
            version: payload.card.version,
          },
        }
      : {}),
    searches: payload.searches.slice(0, JSON_LIMITS.searches).map((search) => field(search, JSON_LIMITS.search)),
  };
  return gap;
}
