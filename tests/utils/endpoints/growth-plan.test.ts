import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildRequest } from '../../../utils/endpoints';
import { JSON_BODY_BUDGET, JSON_LIMITS, fitGrowthPlan, toJsonPayload } from '../../../utils/endpoints/json';
import type {
  GrowthPlanPayload,
  OutgoingPayload,
  PlanGoal,
  PlanPing,
  PlanReflection,
  PlanSavedEntry,
} from '../../../utils/endpoints/types';
import { HOSTILE_TEXT, WORST_CASE_TEXT, allStrings, gapFlag, growthPlan, helpRequest } from '../../support/payloads';
import { ALL_HOSTILE, ANY_LAYOUT_MARK, hostilePlan } from './hostile-input';

const UTF8 = new TextEncoder();

/** What the request carries for a payload: the encoded JSON body, in UTF-8 bytes. */
function bodyBytes(payload: OutgoingPayload): number {
  return UTF8.encode(JSON.stringify(toJsonPayload(payload))).length;
}

/** The longest value a plan's field may have, by where it sits (list indexes left out). */
function planCapOf(path: string): number | null {
  const at = path.replace(/\.\d+/g, '').replace(/^goals\.(?=saved|reflections)/, '');
  const caps: Record<string, number | null> = {
    type: null,
    id: JSON_LIMITS.id,
    createdAt: JSON_LIMITS.createdAt,
    'teacher.name': JSON_LIMITS.name,
    'teacher.school': JSON_LIMITS.name,
    'period.since': JSON_LIMITS.createdAt,
    'period.nextMeeting': JSON_LIMITS.createdAt,
    'goals.id': JSON_LIMITS.token,
    'goals.text': JSON_LIMITS.goalText,
    'goals.tool.id': JSON_LIMITS.token,
    'goals.tool.name': JSON_LIMITS.name,
    'goals.comfort': null,
    'goals.progress': null,
    'saved.savedAt': JSON_LIMITS.createdAt,
    'saved.note': JSON_LIMITS.savedNote,
    'saved.card.id': JSON_LIMITS.token,
    'saved.card.title': JSON_LIMITS.cardTitle,
    'saved.card.pack': JSON_LIMITS.name,
    'saved.ping.createdAt': JSON_LIMITS.createdAt,
    'saved.ping.tool.id': JSON_LIMITS.token,
    'saved.ping.tool.name': JSON_LIMITS.name,
    'saved.ping.page': JSON_LIMITS.name,
    'saved.ping.message': JSON_LIMITS.pingMessage,
    'reflections.at': JSON_LIMITS.createdAt,
    'reflections.text': JSON_LIMITS.reflectionText,
    'reflections.card.id': JSON_LIMITS.token,
    'reflections.card.title': JSON_LIMITS.cardTitle,
    'reflections.card.pack': JSON_LIMITS.name,
    'pings.createdAt': JSON_LIMITS.createdAt,
    'pings.tool.id': JSON_LIMITS.token,
    'pings.tool.name': JSON_LIMITS.name,
    'pings.page': JSON_LIMITS.name,
    'pings.message': JSON_LIMITS.pingMessage,
    'pings.urgency': null,
  };
  if (!(at in caps)) throw new Error(`no cap known for ${path}`);
  return caps[at]!;
}

/** Every string field with its dotted path. */
function fields(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => fields(inner, path ? `${path}.${key}` : key));
}

type Kind = 'saved' | 'reflections' | 'pings';
/** Where an entry sits: its kind and the goal it belongs to (null: the plan's own list). */
interface Placed {
  kind: Kind;
  goal: number | null;
  time: string;
}

function timeOf(entry: PlanSavedEntry | PlanReflection | PlanPing): string {
  return 'savedAt' in entry ? entry.savedAt : 'at' in entry ? entry.at : entry.createdAt;
}

/** Every entry of a plan, by its (unique) time. */
function entries(plan: GrowthPlanPayload): Placed[] {
  const placed = (kind: Kind, goal: number | null, list: (PlanSavedEntry | PlanReflection | PlanPing)[]) =>
    list.map((entry) => ({ kind, goal, time: timeOf(entry) }));
  return [
    ...placed('saved', null, plan.saved),
    ...placed('reflections', null, plan.reflections),
    ...placed('pings', null, plan.pings),
    ...plan.goals.flatMap((goal, index) => [...placed('saved', index, goal.saved), ...placed('reflections', index, goal.reflections)]),
  ];
}

const BASE = Date.UTC(2026, 8, 1);
const NOTE = '😀'.repeat(300) + 'é'.repeat(500) + '"\\'.repeat(200);
const WORDS = '€'.repeat(1500) + '😀'.repeat(400) + ' end';

/**
 * A plan with `perList` entries in every list (pings: `pings`), long multi-byte text everywhere,
 * and every entry at its own minute, the minutes shuffled across lists so that the oldest
 * entries are spread over all of them.
 */
function longPlan(
  perList: number,
  pings: number,
  goals: number = JSON_LIMITS.goals,
  text = { note: NOTE, words: WORDS },
): GrowthPlanPayload {
  const total = (goals + 1) * perList * 2 + pings;
  let next = 0;
  // 7919 is prime and no total here is a multiple of it: a permutation of the minutes.
  const time = () => new Date(BASE + ((next++ * 7919) % total) * 60_000).toISOString();
  const tool = { id: 'canvas', name: 'Canvas' };
  const card = { id: 'canvas-rubrics', title: `Rubrics ${text.note}`, pack: 'canvas-basics' };
  const saved = (): PlanSavedEntry[] =>
    Array.from({ length: perList }, (_, i) => {
      const savedAt = time();
      if (i % 2 === 0) return { savedAt, note: text.note, card };
      // The ping was sent a little before it was saved (its time is not the entry's).
      const createdAt = new Date(Date.parse(savedAt) - 5_000).toISOString();
      return { savedAt, note: text.note, ping: { createdAt, tool, page: 'SpeedGrader', message: text.words } };
    });
  const reflections = (): PlanReflection[] => Array.from({ length: perList }, () => ({ at: time(), text: text.words }));
  const goalList: PlanGoal[] = Array.from({ length: goals }, (_, i) => ({
    id: `goal-${i}`,
    text: `${i} ${'€'.repeat(400)}`,
    tool,
    comfort: 'comfortable',
    progress: 'trying',
    saved: saved(),
    reflections: reflections(),
  }));
  return growthPlan({
    goals: goalList,
    saved: saved(),
    reflections: reflections(),
    pings: Array.from({ length: pings }, () => ({ createdAt: time(), tool, page: null, message: text.words, urgency: 'today' })),
  });
}

/** The list an entry sits in (pings are never a goal's). */
function listAt(plan: GrowthPlanPayload, at: Placed): (PlanSavedEntry | PlanReflection | PlanPing)[] {
  if (at.goal === null) return plan[at.kind];
  const goal = plan.goals[at.goal]!;
  return at.kind === 'saved' ? goal.saved : goal.reflections;
}

function countBy(list: Placed[]): Record<Kind, number> {
  return {
    saved: list.filter((e) => e.kind === 'saved').length,
    reflections: list.filter((e) => e.kind === 'reflections').length,
    pings: list.filter((e) => e.kind === 'pings').length,
  };
}

describe('growth plan as generic JSON', () => {
  it('sends the plan as it is, with only the documented fields, in a stable order', () => {
    const plan = growthPlan();
    expect(toJsonPayload(plan)).toEqual(plan);
    expect(JSON.parse(JSON.stringify(toJsonPayload(plan)))).toEqual(plan);

    // Whatever else the objects carry (a card's text, the store's ids and links) stays on the device.
    const extra = growthPlan();
    Object.assign(extra, { debug: { pageText: 'secret' } });
    Object.assign(extra.teacher, { email: 'maya@example.org' });
    Object.assign(extra.goals[0]!, { createdAt: 1, secret: 'secret' });
    Object.assign(extra.goals[0]!.tool!, { hosts: ['secret.example'] });
    Object.assign(extra.goals[0]!.saved[0]!, { goalId: 'secret', id: 'secret' });
    Object.assign(extra.goals[0]!.saved[0]!.card!, { summary: 'secret', steps: ['secret'], key: 'secret' });
    Object.assign(extra.goals[0]!.saved[1]!.ping!, { id: 'secret', url: 'https://secret.example/x?student=1' });
    Object.assign(extra.goals[0]!.reflections[0]!, { source: 'helped', goalId: 'secret' });
    Object.assign(extra.pings[0]!, { mentors: [{ name: 'secret' }], page: 'SpeedGrader', url: 'secret' });
    Object.assign(extra.period, { lastMeeting: 'secret' });
    Object.assign(extra.omitted, { goals: 3 });
    const body = toJsonPayload(extra) as GrowthPlanPayload;
    expect(JSON.stringify(body)).not.toMatch(/secret|maya@example|"goals":3/);
    expect(body).toEqual(plan);

    expect(Object.keys(body)).toEqual([
      'type',
      'id',
      'createdAt',
      'teacher',
      'period',
      'goals',
      'saved',
      'reflections',
      'pings',
      'omitted',
    ]);
    expect(Object.keys(body.period)).toEqual(['since', 'nextMeeting']);
    expect(Object.keys(body.goals[0]!)).toEqual(['id', 'text', 'tool', 'comfort', 'progress', 'saved', 'reflections']);
    expect(Object.keys(body.goals[1]!)).toEqual(['id', 'text', 'tool', 'progress', 'saved', 'reflections']);
    expect(Object.keys(body.goals[0]!.saved[0]!)).toEqual(['savedAt', 'note', 'card']);
    expect(Object.keys(body.goals[0]!.saved[0]!.card!)).toEqual(['id', 'title', 'pack']);
    expect(Object.keys(body.goals[0]!.saved[1]!)).toEqual(['savedAt', 'note', 'ping']);
    expect(Object.keys(body.goals[0]!.saved[1]!.ping!)).toEqual(['createdAt', 'tool', 'page', 'message']);
    expect(Object.keys(body.goals[0]!.reflections[0]!)).toEqual(['at', 'text', 'card']);
    expect(Object.keys(body.reflections[0]!)).toEqual(['at', 'text']);
    expect(Object.keys(body.pings[0]!)).toEqual(['createdAt', 'tool', 'page', 'message', 'urgency']);
    expect(Object.keys(body.omitted)).toEqual(['saved', 'reflections', 'pings']);
    // No school set: the field is left out, as in every payload.
    expect((toJsonPayload(growthPlan({ teacher: { name: 'Sam' } })) as GrowthPlanPayload).teacher).toEqual({ name: 'Sam' });
  });

  it('keeps the teacher’s words as typed, apart from layout marks, controls and broken surrogates', () => {
    const body = toJsonPayload(hostilePlan(HOSTILE_TEXT)) as GrowthPlanPayload;
    // Longer than a goal may be: cut at the cap, otherwise as typed.
    expect(HOSTILE_TEXT.length).toBeGreaterThan(JSON_LIMITS.goalText);
    expect(body.goals[0]!.text).toBe(`${HOSTILE_TEXT.slice(0, JSON_LIMITS.goalText - 1).trimEnd()}…`);
    expect(body.goals[0]!.saved[0]!.note).toBe(HOSTILE_TEXT);
    expect(body.pings[0]!.message).toBe(HOSTILE_TEXT);

    const marked = toJsonPayload(
      growthPlan({
        teacher: { name: 'Ma\u202Eya\u2028Lopez' },
        reflections: [{ at: '2026-11-25T21:00:00.000Z', text: 'one\u2029two\r\nthree\u001B[0m \uD800x <kept> @everyone' }],
      }),
    ) as GrowthPlanPayload;
    expect(marked.teacher.name).toBe('Maya\nLopez');
    expect(marked.reflections[0]!.text).toBe('one\ntwo\nthree[0m \uFFFDx <kept> @everyone');
    for (const text of allStrings(toJsonPayload(hostilePlan(ALL_HOSTILE)))) expect(text).not.toMatch(ANY_LAYOUT_MARK);
  });

  it('cuts every field to its documented length and keeps the body under the budget', async () => {
    for (const text of ['€'.repeat(10_000), '"\\'.repeat(5_000), WORST_CASE_TEXT, ALL_HOSTILE]) {
      const plan = hostilePlan(text, 2, JSON_LIMITS.goals);
      const request = await buildRequest('json', plan, { secret: 's' });
      expect(UTF8.encode(request.body).length).toBeLessThanOrEqual(JSON_BODY_BUDGET);
      const body = JSON.parse(request.body) as GrowthPlanPayload;
      for (const [path, value] of fields(body)) {
        const cap = planCapOf(path);
        if (cap === null) continue;
        expect(value.length, path).toBeLessThanOrEqual(cap);
        expect(value.endsWith('…'), path).toBe(true);
      }
      expect(body.goals).toHaveLength(JSON_LIMITS.goals);
      expect(request.headers['Idempotency-Key']).toBe(body.id);
    }
  });

  it('has room for every goal at its caps, whatever the text, with nothing else in the plan', () => {
    for (const text of ['€'.repeat(10_000), '"\\'.repeat(5_000), WORST_CASE_TEXT, ALL_HOSTILE, '😀'.repeat(5_000)]) {
      const plan = hostilePlan(text, 0, JSON_LIMITS.goals);
      expect(bodyBytes(plan)).toBeLessThanOrEqual(JSON_BODY_BUDGET);
      // With entries that fill the budget many times over (every one at its caps, longer than any
      // of them), the goals are all still there, and all that is left out is counted.
      const full = fitGrowthPlan(hostilePlan(text.slice(0, 2 * JSON_LIMITS.reflectionText), 6, JSON_LIMITS.goals));
      expect(full.goals).toHaveLength(JSON_LIMITS.goals);
      expect(bodyBytes(full)).toBeLessThanOrEqual(JSON_BODY_BUDGET);
      const sent = countBy(entries(full));
      expect(full.omitted.saved).toBeGreaterThan(0);
      expect(sent.saved + full.omitted.saved).toBe(6 * (JSON_LIMITS.goals + 1));
      expect(sent.reflections + full.omitted.reflections).toBe(6 * (JSON_LIMITS.goals + 1));
      expect(sent.pings + full.omitted.pings).toBe(6);
    }
  });

  it('fits a huge plan by leaving out the oldest entries, of every kind, and counting them', () => {
    // 21 lists of 45 saved entries and 45 reflections, and 100 pings: 1990 entries, all under their count caps.
    const plan = longPlan(45, JSON_LIMITS.pings);
    const input = entries(plan);
    expect(input).toHaveLength(1990);
    expect(new Set(input.map((e) => e.time)).size).toBe(input.length);
    const fitted = fitGrowthPlan(plan);
    expect(bodyBytes(fitted)).toBeLessThanOrEqual(JSON_BODY_BUDGET);

    expect(fitted.goals.map((g) => g.id)).toEqual(plan.goals.map((g) => g.id));
    for (const goal of fitted.goals) {
      expect(goal.text.length).toBeLessThanOrEqual(JSON_LIMITS.goalText);
      expect(goal.text.endsWith('…')).toBe(true);
    }

    const kept = entries(fitted);
    const keptTimes = new Set(kept.map((e) => e.time));
    const dropped = input.filter((e) => !keptTimes.has(e.time));
    expect(kept.length).toBeGreaterThan(0);
    expect(dropped.length).toBeGreaterThan(0);
    // Every entry still in is newer than every entry left out.
    const newestDropped = dropped.reduce((a, b) => (a.time > b.time ? a : b));
    const oldestKept = kept.reduce((a, b) => (a.time < b.time ? a : b));
    expect(newestDropped.time < oldestKept.time).toBe(true);
    // Every entry stays where it was, in its order.
    for (const [index, goal] of fitted.goals.entries()) {
      const times = (list: Placed[], kind: Kind) => list.filter((e) => e.kind === kind && e.goal === index).map((e) => e.time);
      expect(goal.saved.map(timeOf)).toEqual(times(input, 'saved').filter((t) => keptTimes.has(t)));
      expect(goal.reflections.map(timeOf)).toEqual(times(input, 'reflections').filter((t) => keptTimes.has(t)));
    }
    expect(fitted.omitted).toEqual(countBy(dropped));

    // No more is left out than needed: the newest entry left out, put back as it would be sent, does not fit.
    const entry = listAt(plan, newestDropped).find((e) => timeOf(e) === newestDropped.time)!;
    const alone = structuredClone(plan);
    for (const goal of alone.goals) {
      goal.saved = [];
      goal.reflections = [];
    }
    alone.saved = [];
    alone.reflections = [];
    alone.pings = [];
    listAt(alone, newestDropped).push(entry);
    const again = structuredClone(fitted);
    listAt(again, newestDropped).push(listAt(toJsonPayload(alone) as GrowthPlanPayload, newestDropped)[0]!);
    again.omitted[newestDropped.kind] -= 1;
    expect(UTF8.encode(JSON.stringify(again)).length).toBeGreaterThan(JSON_BODY_BUDGET);
  });

  it('cuts every list to its newest entries first, thousands of long entries included', () => {
    const perList = 120;
    const plan = longPlan(perList, 400, 4);
    const input = entries(plan);
    expect(input.length).toBe(5 * perList * 2 + 400);
    expect(new Set(input.map((e) => e.time)).size).toBe(input.length);
    const fitted = fitGrowthPlan(plan);
    expect(bodyBytes(fitted)).toBeLessThanOrEqual(JSON_BODY_BUDGET);
    const kept = entries(fitted);
    const keptTimes = new Set(kept.map((e) => e.time));
    expect(fitted.omitted).toEqual(countBy(input.filter((e) => !keptTimes.has(e.time))));
    // In each list, what is still in is newer than what was left out, and no list is over its cap.
    const lists = [...new Set(input.map((e) => `${e.kind}:${e.goal}`))];
    expect(lists).toHaveLength(3 + 4 * 2);
    for (const list of lists) {
      const all = input.filter((e) => `${e.kind}:${e.goal}` === list);
      const inList = all.filter((e) => keptTimes.has(e.time)).map((e) => e.time);
      const out = all.filter((e) => !keptTimes.has(e.time)).map((e) => e.time);
      expect(inList.length).toBeLessThanOrEqual(JSON_LIMITS[all[0]!.kind]);
      expect(out.length).toBeGreaterThan(0);
      if (inList.length > 0) expect(out.every((t) => inList.every((k) => t < k))).toBe(true);
    }
  });

  it('cuts a list that is only over its count cap to exactly its newest entries, an unreadable time first', () => {
    // Short entries: the count caps bind, the size budget does not.
    const time = (minute: number) => new Date(BASE + minute * 60_000).toISOString();
    const saved = Array.from({ length: 500 }, (_, i) => ({ savedAt: time((i * 37) % 500), note: 'ok' }));
    saved.push({ savedAt: 'last Tuesday', note: 'ok' });
    const pings = Array.from({ length: 300 }, (_, i) => ({
      createdAt: time(1000 + ((i * 37) % 300)),
      tool: { id: 'canvas', name: 'Canvas' },
      page: null,
      message: 'ok',
      urgency: 'now' as const,
    }));
    const fitted = fitGrowthPlan(growthPlan({ goals: [], saved, reflections: [], pings }));
    expect(fitted.saved).toHaveLength(JSON_LIMITS.saved);
    expect(fitted.pings).toHaveLength(JSON_LIMITS.pings);
    expect(fitted.saved.map((e) => e.savedAt).sort()).toEqual(
      Array.from({ length: JSON_LIMITS.saved }, (_, i) => time(500 - JSON_LIMITS.saved + i)),
    );
    expect(fitted.pings.map((e) => e.createdAt).sort()).toEqual(
      Array.from({ length: JSON_LIMITS.pings }, (_, i) => time(1300 - JSON_LIMITS.pings + i)),
    );
    expect(fitted.omitted).toEqual({ saved: 501 - JSON_LIMITS.saved, reflections: 0, pings: 300 - JSON_LIMITS.pings });
  });

  it('sends the first JSON_LIMITS.goals goals and counts the entries of the others', () => {
    const goals = Array.from({ length: JSON_LIMITS.goals + 5 }, (_, i): PlanGoal => ({
      ...growthPlan().goals[0]!,
      id: `goal-${i}`,
    }));
    const fitted = fitGrowthPlan(growthPlan({ goals }));
    expect(fitted.goals.map((g) => g.id)).toEqual(goals.slice(0, JSON_LIMITS.goals).map((g) => g.id));
    expect(fitted.omitted).toEqual({ saved: 5 * 2, reflections: 5 * 1, pings: 0 });
  });

  it('adds to what the plan already counts as left out, and sends a count only as a whole number', () => {
    const counted = fitGrowthPlan(growthPlan({ omitted: { saved: 4, reflections: 2, pings: 1 } }));
    expect(counted.omitted).toEqual({ saved: 4, reflections: 2, pings: 1 });
    const over = fitGrowthPlan(
      growthPlan({
        pings: Array.from({ length: JSON_LIMITS.pings + 3 }, () => growthPlan().pings[0]!),
        omitted: { saved: 0, reflections: 0, pings: 7 },
      }),
    );
    expect(over.omitted.pings).toBe(10);
    const odd = fitGrowthPlan(growthPlan({ omitted: { saved: Number.NaN, reflections: -3, pings: 1.5 } }));
    expect(odd.omitted).toEqual({ saved: 0, reflections: 0, pings: 0 });
  });

  it('is idempotent: the previewed plan is the plan sent, and sending it again changes nothing', () => {
    const plans: GrowthPlanPayload[] = [
      growthPlan(),
      growthPlan({ period: { since: null, nextMeeting: null }, goals: [], saved: [], reflections: [], pings: [] }),
      hostilePlan(ALL_HOSTILE),
      hostilePlan(WORST_CASE_TEXT, 6, JSON_LIMITS.goals),
      longPlan(20, 50),
      longPlan(80, 200, 3),
    ];
    for (const plan of plans) {
      const previewed = fitGrowthPlan(plan);
      // Sent straight away, or previewed first: the same body either way, and a second pass changes nothing.
      expect(toJsonPayload(plan)).toEqual(previewed);
      expect(toJsonPayload(previewed)).toEqual(previewed);
      expect(fitGrowthPlan(previewed)).toEqual(previewed);
    }
    for (const payload of [
      helpRequest({ message: WORST_CASE_TEXT }),
      gapFlag({ note: ALL_HOSTILE, searches: Array(30).fill(WORST_CASE_TEXT) }),
    ]) {
      expect(toJsonPayload(toJsonPayload(payload))).toEqual(toJsonPayload(payload));
    }
  });

  it('is documented in the README and in docs/endpoints.md with the caps it applies', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### The generic JSON payload'), readme.indexOf('## Privacy'));
    const docs = readFileSync('docs/endpoints.md', 'utf8');
    const docsSection = docs.slice(docs.indexOf('### Growth plan'), docs.indexOf('### Verifying the signature'));
    for (const text of [section, docsSection]) {
      expect(text).toContain('"type": "growth-plan"');
      const caps = text.split('\n').find((line) => line.startsWith('Growth plan caps:')) ?? '';
      for (const value of [
        JSON_LIMITS.goals,
        JSON_LIMITS.goalText,
        JSON_LIMITS.saved,
        JSON_LIMITS.savedNote,
        JSON_LIMITS.reflections,
        JSON_LIMITS.reflectionText,
        JSON_LIMITS.pings,
        JSON_LIMITS.pingMessage,
      ]) {
        expect(caps, String(value)).toContain(String(value));
      }
      expect(caps).toContain(`${JSON_BODY_BUDGET / 1024} KB`);
      expect(caps).toContain('omitted');
    }
    // The example in each document is a plan as sent: toJsonPayload leaves it as it is.
    for (const text of [section, docsSection]) {
      const example = /```json\n(\{\n {2}"type": "growth-plan"[\s\S]*?)```/.exec(text)?.[1];
      expect(example).toBeDefined();
      const plan = JSON.parse(example!) as GrowthPlanPayload;
      expect(toJsonPayload(plan)).toEqual(plan);
    }
  });
});
