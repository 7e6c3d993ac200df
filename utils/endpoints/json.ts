/**
 * Generic JSON: the payload itself, as documented in the README. Built field by field so that
 * only documented fields leave the device, in a stable order, whatever else the object carries.
 * Nothing is escaped: a receiver gets the teacher's words as typed and renders them itself.
 */
import type { GapFlagPayload, HelpRequestPayload, OutgoingPayload, PayloadBase } from './types';

export type GenericJsonPayload = OutgoingPayload;

function base(payload: PayloadBase): PayloadBase {
  return {
    id: payload.id,
    createdAt: payload.createdAt,
    teacher:
      payload.teacher.school === undefined
        ? { name: payload.teacher.name }
        : { name: payload.teacher.name, school: payload.teacher.school },
    tool: { id: payload.tool.id, name: payload.tool.name },
    page: { context: payload.page.context, name: payload.page.name, url: payload.page.url },
    mentors: payload.mentors.map((mentor) =>
      mentor.handle === undefined ? { name: mentor.name } : { name: mentor.name, handle: mentor.handle },
    ),
  };
}

export function toJsonPayload(payload: OutgoingPayload): GenericJsonPayload {
  if (payload.type === 'help-request') {
    const help: HelpRequestPayload = {
      type: 'help-request',
      ...base(payload),
      message: payload.message,
      urgency: payload.urgency,
    };
    return help;
  }
  const gap: GapFlagPayload = {
    type: 'gap-flag',
    ...base(payload),
    kind: payload.kind,
    note: payload.note,
    ...(payload.card
      ? {
          card: {
            id: payload.card.id,
            title: payload.card.title,
            pack: payload.card.pack,
            version: payload.card.version,
          },
        }
      : {}),
    searches: [...payload.searches],
  };
  return gap;
}
