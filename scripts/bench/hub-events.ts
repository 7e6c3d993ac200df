import { buildRequest, type EndpointRequest } from '../../utils/endpoints/index';
import { toJsonPayload } from '../../utils/endpoints/json';
import { GAP_KINDS, URGENCIES, type OutgoingPayload } from '../../utils/endpoints/types';
import { TOOLS } from '../../utils/tools/catalog/index';

/**
 * Events as teachers' extensions send them to a Hub, for the load and crash tests: payloads of
 * the three everyday kinds (help requests, gap flags, mentor volunteers) with varied tools,
 * pages and words, encoded and signed by the extension's own code (toJsonPayload, buildRequest),
 * and one POST as the outbox makes it.
 */

/** A small seeded generator, so a run can be repeated with the same events. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const FIRST_NAMES = ['Maya', 'Jordan', 'Priya', 'Luis', 'Aisha', 'Tom', 'Mei', 'Sam', 'Grace', 'Diego', 'Hana', 'Omar'];
const LAST_NAMES = ['Lopez', 'Okafor', 'Nguyen', 'Schmidt', 'Rivera', 'Haddad', 'Kowalski', 'Brown', 'Tanaka', 'Singh'];
const SCHOOLS = ['Lincoln Elementary', 'Roosevelt Middle', 'Jefferson High', 'Maple Grove K-8', 'Cedar Ridge Elementary'];
const QUESTIONS = [
  'How do I export the session report for one class only?',
  'Students say the assignment is locked but the due date has not passed.',
  'Where do I turn on rubric comments for this quiz?',
  'Can someone show me how to reuse last year’s lesson with a new section?',
  'The gradebook will not sync after I changed the category weights.',
  '¿Cómo comparto esta actividad con otra maestra de mi escuela?',
];
const NOTES = [
  'Nothing explains rubric comments.',
  'The card shows the old menu.',
  'Searched twice, found nothing.',
  'Steps stop before saving.',
  '',
];
const SEARCHES = ['rubric comment', 'late work', 'share with co-teacher', 'export grades', 'accommodations', 'student view'];
const OFFERS = ['free 3rd period', 'after school on Tuesdays', 'happy to pair in PLC', ''];

/** A host a teacher would be on: a catalogue host with its wildcard filled in. */
function hostOf(tool: (typeof TOOLS)[number]): string {
  return (tool.hosts[0] ?? `${tool.id}.example`).replace(/^\*\./, 'lincoln.').replace(/\*/g, 'lincoln');
}

export type EventKind = OutgoingPayload['type'];

/**
 * One teacher's event, as the panel builds it: half help requests, a third gap flags, the rest
 * mentor volunteers (roughly what a district sees: questions far outnumber offers to help).
 */
export function makeEvent(random: () => number, id: string, teacher: string, school: string): OutgoingPayload {
  const tool = pick(random, TOOLS);
  const context = tool.contexts.length > 0 && random() < 0.8 ? pick(random, tool.contexts) : null;
  const createdAt = new Date(Date.now() - Math.floor(random() * 3_600_000)).toISOString();
  const base = {
    id,
    createdAt,
    teacher: { name: teacher, school },
    tool: { id: tool.id, name: tool.name },
    page: { context: context?.id ?? null, name: context?.name ?? null, url: `https://${hostOf(tool)}/${context?.id ?? 'home'}/:id` },
    mentors: random() < 0.6 ? [{ name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`, handle: 'U01MENTOR' }] : [],
  };
  const roll = random();
  if (roll < 0.5) return { type: 'help-request', ...base, message: pick(random, QUESTIONS), urgency: pick(random, URGENCIES) };
  if (roll < 0.85) {
    return {
      type: 'gap-flag',
      ...base,
      kind: pick(random, GAP_KINDS),
      note: pick(random, NOTES),
      searches: Array.from({ length: Math.floor(random() * 3) }, () => pick(random, SEARCHES)),
    };
  }
  const offered = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, TOOLS));
  return {
    type: 'mentor-volunteer',
    id,
    createdAt,
    teacher: { name: teacher, school },
    handle: random() < 0.8 ? `@${teacher.toLowerCase().replace(/\W+/g, '.')}` : '',
    tools: [...new Map(offered.map((offer) => [offer.id, { id: offer.id, name: offer.name }])).values()],
    note: pick(random, OFFERS),
  };
}

/** A teacher's name and school, stable per (client, teacher) so a client's events read as a few people's. */
export function teacherOf(client: number, teacher: number): { name: string; school: string } {
  return {
    name: `${FIRST_NAMES[(client + teacher) % FIRST_NAMES.length]} ${LAST_NAMES[(client * 7 + teacher) % LAST_NAMES.length]}`,
    school: SCHOOLS[client % SCHOOLS.length]!,
  };
}

export type BadSignature = 'wrong-secret' | 'stale' | 'tampered';
export const BAD_SIGNATURES: readonly BadSignature[] = ['wrong-secret', 'stale', 'tampered'];

/**
 * The request the extension's outbox sends for one attempt: signed afresh each time (a retry
 * carries a new timestamp and signature over the same body). A bad one is what a Hub must
 * refuse: an extension with another school's secret, a request replayed ten minutes later, a
 * body changed after signing.
 */
export async function signedRequest(payload: OutgoingPayload, secret: string, bad?: BadSignature): Promise<EndpointRequest> {
  // buildRequest encodes with toJsonPayload itself; calling it here too checks the bench sends
  // exactly the generic JSON body (only documented fields, capped) and nothing of its own.
  const json = toJsonPayload(payload);
  if (bad === 'wrong-secret') return buildRequest('json', json, { secret: `${secret}-other-school` });
  if (bad === 'stale') return buildRequest('json', json, { secret, now: Date.now() - 10 * 60_000 });
  const request = await buildRequest('json', json, { secret });
  if (bad === 'tampered') return { ...request, body: request.body.replace(/}$/, ',"extra":1}') };
  return request;
}

export interface EventAnswer {
  status: number;
  /** Retry-After in seconds, on a 429. */
  retryAfter?: number;
  /** The answer's `status` field (accepted / duplicate), when it has one. */
  outcome?: string;
}

/** One POST /v1/events; a network failure (refused, reset, timed out) rejects. */
export async function postEvent(
  hubUrl: string,
  request: EndpointRequest,
  options: { forwardedFor?: string; timeoutMs: number },
): Promise<EventAnswer> {
  const headers = options.forwardedFor ? { ...request.headers, 'X-Forwarded-For': options.forwardedFor } : request.headers;
  const response = await fetch(`${hubUrl}/v1/events`, {
    method: 'POST',
    headers,
    body: request.body,
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  const text = await response.text();
  let outcome: string | undefined;
  try {
    outcome = (JSON.parse(text) as { status?: string }).status;
  } catch {
    outcome = undefined;
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return { status: response.status, outcome, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}) };
}
