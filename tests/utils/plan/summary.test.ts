import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { GoalProgress, GrowthPlanPayload } from '../../../utils/endpoints/types';
import { formatDay } from '../../../utils/platform/format';
import { t } from '../../../utils/platform/i18n';
import { summaryMarkdown, summaryModel, type PlanSummaryModel } from '../../../utils/plan/summary';
import { growthPlan } from '../../support/payloads';

/**
 * Every string the teacher wrote, and every card title, carries its own marker word (W01…);
 * ids and pack names carry X markers, which the summary must never show.
 */
function markedPlan(): GrowthPlanPayload {
  const card = (title: string, marker: string) => ({ id: `card-${marker}`, title, pack: `pack-${marker}` });
  return growthPlan({
    id: 'plan-X01',
    teacher: { name: 'Maya Lopez W01', school: 'Lincoln Elementary W02' },
    period: { since: '2026-11-04', nextMeeting: '2026-12-03' },
    goals: [
      {
        id: 'goal-X02',
        text: 'Give rubric feedback W03',
        tool: { id: 'canvas', name: 'Canvas' },
        comfort: 'new',
        progress: 'trying',
        saved: [
          { savedAt: '2026-11-10T15:00:00.000Z', note: 'Try with 5th period W04', card: card('Leave rubric comments W05', 'X03') },
          {
            savedAt: '2026-11-22T14:10:00.000Z',
            note: 'Ask in our meeting W06',
            ping: {
              createdAt: '2026-11-22T14:05:00.000Z',
              tool: { id: 'canvas', name: 'Canvas' },
              page: 'SpeedGrader',
              message: 'Where do comments show W07',
            },
          },
        ],
        reflections: [{ at: '2026-11-12T20:30:00.000Z', text: 'The rubric saved me an hour W08' }],
      },
      { id: 'goal-X04', text: 'Feedback within a week W09', tool: null, progress: 'not-started', saved: [], reflections: [] },
      {
        id: 'goal-X05',
        text: 'Weekly portfolio W10',
        tool: { id: 'seesaw', name: 'Seesaw' },
        progress: 'getting-there',
        saved: [],
        reflections: [],
      },
      {
        id: 'goal-X06',
        text: 'Publish my course W11',
        tool: { id: 'canvas', name: 'Canvas' },
        comfort: 'expert',
        progress: 'done',
        saved: [],
        reflections: [],
      },
    ],
    saved: [
      { savedAt: '2026-11-18T09:00:00.000Z', note: 'For the grading talk W12', card: card('Hide grades W13', 'X07') },
      {
        savedAt: '2026-11-19T09:00:00.000Z',
        note: '',
        ping: {
          createdAt: '2026-11-19T08:00:00.000Z',
          tool: { id: 'nearpod', name: 'Nearpod' },
          page: null,
          message: 'Export one class W14',
        },
      },
    ],
    reflections: [
      { at: '2026-11-25T21:00:00.000Z', text: 'Students liked it W15' },
      { at: '2026-11-26T21:00:00.000Z', text: 'The walkthrough helped W16', card: card('Post grades W17', 'X08') },
    ],
    pings: [
      {
        createdAt: '2026-11-22T14:05:00.000Z',
        tool: { id: 'canvas', name: 'Canvas' },
        page: 'SpeedGrader',
        message: 'Where do comments show W18',
        urgency: 'today',
      },
      {
        createdAt: '2026-11-28T10:15:00.000Z',
        tool: { id: 'nearpod', name: 'Nearpod' },
        page: null,
        message: 'How do I export W19',
        urgency: 'this-week',
      },
    ],
  });
}

/** Every string of the model, in reading order. */
function modelStrings(model: PlanSummaryModel): string[] {
  return [
    model.title,
    ...model.meta,
    ...model.sections.flatMap((section) => [
      section.heading,
      section.empty,
      ...section.items.flatMap((item) => [item.title, ...item.lines]),
    ]),
    ...(model.omitted ? [model.omitted] : []),
  ];
}

const markers = (texts: string[]) => texts.flatMap((text) => text.match(/\b[WX]\d\d\b/g) ?? []).sort();
const section = (model: PlanSummaryModel, id: string) => model.sections.find((entry) => entry.id === id)!;
const day = (iso: string) => formatDay(Date.parse(iso));

describe('summaryModel', () => {
  it("holds every word the teacher wrote and every title they saved, once each, and nothing else of the plan's", () => {
    const model = summaryModel(markedPlan());
    const expected = Array.from({ length: 19 }, (_, index) => `W${String(index + 1).padStart(2, '0')}`);
    // W17 is the card of a reflection outside any goal: its title names the reflection.
    expect(markers(modelStrings(model))).toEqual(expected);
  });

  it('titles the summary with the teacher, and gives the school, the next meeting and the period', () => {
    const model = summaryModel(markedPlan());
    expect(model.title).toBe(t('planSummaryTitleFor', 'Maya Lopez W01'));
    expect(model.meta).toEqual([
      'Lincoln Elementary W02',
      t('planNextMeetingOn', formatDay('2026-12-03')),
      t('planSince', formatDay('2026-11-04')),
    ]);
    const bare = summaryModel(growthPlan({ teacher: { name: '' }, period: { since: null, nextMeeting: null } }));
    expect(bare.title).toBe(t('planSummaryTitle'));
    expect(bare.meta).toEqual([t('planNextMeetingUnset'), t('planSinceStart')]);
  });

  it("lists each goal in the teacher's words with its progress label, its tool and the teacher's level", () => {
    const goals = section(summaryModel(markedPlan()), 'goals');
    expect(goals.heading).toBe(t('planGoalsHeading'));
    expect(goals.items.map((item) => item.title)).toEqual([
      'Give rubric feedback W03',
      'Feedback within a week W09',
      'Weekly portfolio W10',
      'Publish my course W11',
    ]);
    const labels: Record<GoalProgress, string> = {
      'not-started': 'Not started',
      trying: 'Trying it',
      'getting-there': 'Getting there',
      done: 'Done',
    };
    expect(goals.items.map((item) => item.lines[0])).toEqual(
      [labels.trying, labels['not-started'], labels['getting-there'], labels.done].map((label) => t('planProgressLine', label)),
    );
    expect(goals.items[0]!.lines[1]).toBe(t('planToolLevelLine', ['Canvas', t('comfortNew')]));
    expect(goals.items[1]!.lines).toHaveLength(1);
    expect(goals.items[2]!.lines[1]).toBe(t('planToolLine', 'Seesaw'));
    expect(goals.items[3]!.lines[1]).toBe(t('planToolLevelLine', ['Canvas', t('comfortExpert')]));
  });

  it("lists what was saved under a goal, and the goal's reflections, on the goal's lines", () => {
    const [first] = section(summaryModel(markedPlan()), 'goals').items;
    const lines = first!.lines.slice(2);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Leave rubric comments W05');
    expect(lines[0]).toContain('Try with 5th period W04');
    expect(lines[1]).toContain('Where do comments show W07');
    expect(lines[1]).toContain('Ask in our meeting W06');
    expect(lines[2]).toBe(t('planReflectionLine', [day('2026-11-12T20:30:00.000Z'), 'The rubric saved me an hour W08']));
  });

  it('lists saved items, reflections and pings outside goals with their own titles', () => {
    const model = summaryModel(markedPlan());
    expect(section(model, 'saved').items).toEqual([
      { title: 'Hide grades W13', lines: [t('planNoteLine', 'For the grading talk W12')] },
      {
        title: t('planSavedPingTitle', ['Nearpod', day('2026-11-19T08:00:00.000Z')]),
        lines: [t('planSavedPingAsked', t('planQuoted', 'Export one class W14'))],
      },
    ]);
    expect(section(model, 'reflections').items).toEqual([
      { title: day('2026-11-25T21:00:00.000Z'), lines: ['Students liked it W15'] },
      { title: t('planReflectionOnCard', [day('2026-11-26T21:00:00.000Z'), 'Post grades W17']), lines: ['The walkthrough helped W16'] },
    ]);
    expect(section(model, 'pings').items).toEqual([
      {
        title: t('planPingTitle', [`Canvas ${t('headerSeparator')} SpeedGrader`, day('2026-11-22T14:05:00.000Z')]),
        lines: ['Where do comments show W18'],
      },
      { title: t('planPingTitle', ['Nearpod', day('2026-11-28T10:15:00.000Z')]), lines: ['How do I export W19'] },
    ]);
  });

  it('says so for each empty section, and counts what was left out for size', () => {
    const empty = summaryModel(growthPlan({ goals: [], saved: [], reflections: [], pings: [] }));
    expect(empty.sections.map((entry) => [entry.id, entry.items.length, entry.empty])).toEqual([
      ['goals', 0, t('planGoalsNone')],
      ['saved', 0, t('planSavedNone')],
      ['reflections', 0, t('planReflectionsNone')],
      ['pings', 0, t('planPingsNone')],
    ]);
    expect(empty.omitted).toBeNull();
    expect(summaryModel(growthPlan({ omitted: { saved: 2, reflections: 1, pings: 4 } })).omitted).toBe(
      '7 older entries were left out to keep the plan to one page.',
    );
    expect(summaryModel(growthPlan({ omitted: { saved: 0, reflections: 0, pings: 1 } })).omitted).toBe(
      '1 older entry was left out to keep the plan to one page.',
    );
  });
});

/** The Markdown as a reader sees it: rendered as GitHub and most editors render it. */
function render(markdown: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = new Marked({ gfm: true }).parse(markdown) as string;
  return root;
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

/** The rendered document read back into the model's shape. */
function readBack(root: HTMLElement): PlanSummaryModel {
  const meta = (root.querySelector('h1 + p')?.innerHTML ?? '').split(/<br\s*\/?>/).map((part) => {
    const holder = document.createElement('span');
    holder.innerHTML = part;
    return text(holder);
  });
  const sections = [...root.querySelectorAll('h2')].map((heading) => {
    const next = heading.nextElementSibling;
    const items =
      next?.tagName === 'UL'
        ? [...next.children].map((li) => ({
            title: text(li.querySelector(':scope > strong')),
            lines: [...li.querySelectorAll(':scope > ul > li')].map(text),
          }))
        : [];
    return { heading: text(heading), items, empty: next?.tagName === 'UL' ? '' : text(next) };
  });
  return { title: text(root.querySelector('h1')), meta, sections: sections as PlanSummaryModel['sections'], omitted: null };
}

/** The model as the rendered Markdown should read: whitespace as one line, the empty text only where nothing is listed. */
function asRead(model: PlanSummaryModel) {
  return {
    title: oneLine(model.title),
    meta: model.meta.map(oneLine),
    sections: model.sections.map((entry) => ({
      heading: oneLine(entry.heading),
      items: entry.items.map((item) => ({ title: oneLine(item.title), lines: item.lines.map(oneLine) })),
      empty: entry.items.length === 0 ? oneLine(entry.empty) : '',
    })),
    omitted: null,
  };
}

describe('summaryMarkdown', () => {
  const hostile = growthPlan({
    teacher: { name: 'Maya *Lopez*', school: '# Lincoln_Elementary_' },
    goals: [
      { id: 'g1', text: '*bold* # not a heading', tool: null, progress: 'trying', saved: [], reflections: [] },
      { id: 'g2', text: '# Heading\nsecond line', tool: null, progress: 'done', saved: [], reflections: [] },
    ],
    saved: [
      {
        savedAt: '2026-11-18T09:00:00.000Z',
        note: '1. first _step_ [link](https://evil.example)',
        card: { id: 'c', title: '`code` ~strike~', pack: 'p' },
      },
    ],
    reflections: [{ at: '2026-11-25T21:00:00.000Z', text: '- not a list\n+ nor this\n> nor a quote' }],
    pings: [
      {
        createdAt: '2026-11-22T14:05:00.000Z',
        tool: { id: 'canvas', name: 'Canvas' },
        page: 'Grades | Setup',
        message: '<b>html</b> | pipe \\ backslash ![img](x.png)',
        urgency: 'now',
      },
      {
        createdAt: '2026-11-23T14:05:00.000Z',
        tool: { id: 'canvas', name: 'Canvas' },
        page: null,
        message: '=== underline\n2) second',
        urgency: 'today',
      },
    ],
  });

  it('reads, once rendered, exactly as the summary on screen: the same words in the same places', () => {
    for (const payload of [markedPlan(), hostile]) {
      const model = summaryModel(payload);
      expect(readBack(render(summaryMarkdown(model)))).toEqual(asRead(model));
    }
  });

  it("escapes Markdown in the teacher's words, so they read as typed", () => {
    const model = summaryModel(hostile);
    const root = render(summaryMarkdown(model));
    const goals = [...root.querySelectorAll('h2')[0]!.nextElementSibling!.querySelectorAll(':scope > li > strong')].map(text);
    expect(goals).toEqual(['*bold* # not a heading', '# Heading second line']);
    // Only the summary's own structure: one title, a heading per section, bold item titles.
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect(root.querySelectorAll('h2')).toHaveLength(4);
    expect(root.querySelectorAll('h3, h4, h5, h6, em, code, del, s, img, b, ol, blockquote, table, hr')).toHaveLength(0);
    expect(root.querySelectorAll('strong')).toHaveLength(model.sections.flatMap((entry) => entry.items).length);
    // A bare address may still be linked by the renderer, but a link never hides where it goes.
    for (const link of root.querySelectorAll('a')) expect(text(link)).toBe(link.getAttribute('href'));
    expect(text(root)).toContain('1. first _step_ [link](https://evil.example)');
    expect(text(root)).toContain('<b>html</b> | pipe \\ backslash ![img](x.png)');
  });

  it('shows the empty text of a section in italics, and what was left out', () => {
    const markdown = summaryMarkdown(summaryModel(growthPlan({ saved: [], omitted: { saved: 3, reflections: 0, pings: 0 } })));
    const root = render(markdown);
    expect([...root.querySelectorAll('em')].map(text)).toEqual([
      t('planSavedNone'),
      '3 older entries were left out to keep the plan to one page.',
    ]);
  });

  it('leaves HTML entities the teacher typed as typed', () => {
    const payload = growthPlan({ reflections: [{ at: '2026-11-25T21:00:00.000Z', text: 'Use &lt;br&gt; or &amp; in Q&A' }] });
    expect(text(render(summaryMarkdown(summaryModel(payload))))).toContain('Use &lt;br&gt; or &amp; in Q&A');
  });
});
