import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../utils/cards/schema';
import { formatBody } from '../../../utils/endpoints';
import { MAX_CARD_STEP, isCardStep } from '../../../utils/endpoints/types';
import { CSV_COLUMNS, gapsToCsv } from '../../../utils/gaps/csv';
import { parseGapFlags, parseGapImport } from '../../../utils/gaps/import';
import { buildGapFlag } from '../../../utils/gaps/payload';
import { gapRecordFromPayload, gapToPayload } from '../../../utils/gaps/records';
import { outdatedSteps } from '../../../utils/gaps/steps';
import { gapRecord } from '../../support/factories';
import { flag, flagInput, RUBRIC_CARD } from './flags';

/** "Tell my coach this step is out of date": a flag about step 3 of a card with five steps. */
const CARD_WITH_STEPS = { ...RUBRIC_CARD, steps: ['Open SpeedGrader', 'Pick a student', 'View Rubric', 'Score', 'Save'] };
const RUBRIC_STEP_3 = { id: 'rubric', title: 'Grade with a rubric', pack: 'district', version: 2, step: 3 };

describe('a flag about one step of a card', () => {
  it('names steps 1 to 15, as many as a card can have', () => {
    expect(MAX_CARD_STEP).toBe(LIMITS.maxSteps);
    expect([1, 15].every(isCardStep)).toBe(true);
    expect([0, 16, 2.5, -1, Number.NaN, '3', null, undefined].some(isCardStep)).toBe(false);
  });

  it('carries the step in the payload’s card, and the JSON endpoint receives it', () => {
    const payload = buildGapFlag(flagInput({ kind: 'outdated', card: { ...CARD_WITH_STEPS, step: 3 } }));
    expect(payload.card).toEqual({ id: 'speedgrader-rubric', title: 'Grade with a rubric', pack: 'district', version: 3, step: 3 });
    expect(formatBody('json', payload)).toEqual(payload);
  });

  it('leaves out a step the card does not have, and sends no step unless one is given', () => {
    const stepOf = (step: number | undefined, card: object = CARD_WITH_STEPS) =>
      buildGapFlag(flagInput({ kind: 'outdated', card: { ...RUBRIC_CARD, ...card, step } })).card;
    expect(stepOf(6)).not.toHaveProperty('step');
    expect(stepOf(0)).not.toHaveProperty('step');
    expect(stepOf(2.5)).not.toHaveProperty('step');
    expect(stepOf(16, { steps: undefined })).not.toHaveProperty('step');
    expect(stepOf(undefined)).toEqual({ id: 'speedgrader-rubric', title: 'Grade with a rubric', pack: 'district', version: 3 });
    // Without the card's steps to check against, any step a card can have is kept.
    expect(stepOf(12, { steps: undefined })?.step).toBe(12);
    // No card, no step: a "missing" flag is about the page.
    expect(buildGapFlag(flagInput({ kind: 'missing', card: { ...CARD_WITH_STEPS, step: 3 } })).card).toBeUndefined();
  });

  it('keeps the step on the stored record and gives it back, also when the payload must be rebuilt', () => {
    const payload = flag('s', { kind: 'outdated', card: RUBRIC_STEP_3 });
    const record = gapRecordFromPayload(payload, { origin: 'imported' });
    expect(record).toMatchObject({ cardKey: 'district/rubric', cardId: 'rubric', cardVersion: 2, cardStep: 3 });
    expect(gapToPayload(record)).toBe(payload);
    const { payload: _kept, ...withoutPayload } = record;
    expect(gapToPayload(withoutPayload).card).toEqual({ id: 'rubric', title: 'rubric', pack: 'district', version: 2, step: 3 });
    expect(
      gapRecordFromPayload(flag('n', { kind: 'outdated', card: { ...RUBRIC_STEP_3, step: undefined } }), { origin: 'mine' }),
    ).not.toHaveProperty('cardStep');
  });

  it('goes through the CSV export and back, in a cardStep column after cardVersion', () => {
    expect(CSV_COLUMNS.indexOf('cardStep')).toBe(CSV_COLUMNS.indexOf('cardVersion') + 1);
    const flags = [
      flag('a', { kind: 'outdated', card: RUBRIC_STEP_3 }),
      flag('b', { kind: 'outdated', card: { ...RUBRIC_STEP_3, step: undefined } }),
    ];
    const csv = gapsToCsv(flags);
    const [header, first, second] = csv.split('\r\n');
    const column = header!.split(',').indexOf('cardStep');
    expect(first!.split(',')[column]).toBe('3');
    expect(second!.split(',')[column]).toBe('');
    const back = parseGapImport(csv);
    expect(back.errors).toEqual([]);
    expect(back.gaps).toEqual(flags);
  });

  it('reads an export from before steps, which has no cardStep column', () => {
    const csv = gapsToCsv([flag('a', { kind: 'outdated', card: { ...RUBRIC_STEP_3, step: undefined } })]);
    const rows = csv.split('\r\n').map((row) => row.split(','));
    const column = rows[0]!.indexOf('cardStep');
    const old = rows.map((row) => row.filter((_, index) => index !== column).join(',')).join('\r\n');
    const result = parseGapImport(old);
    expect(result.errors).toEqual([]);
    expect(result.gaps[0]!.card).toEqual({ id: 'rubric', title: 'Grade with a rubric', pack: 'district', version: 2 });
  });

  it('imports a step generously: a number or its digits; one no card can have is left out, the flag kept', () => {
    const withStep = (step: unknown) => JSON.stringify({ ...flag('x'), kind: 'outdated', card: { ...RUBRIC_STEP_3, step } });
    const lines = [3, '4', ' 5 ', null, 0, 16, 'third', 2.5, { n: 1 }].map((step, index) => withStep(step).replace('"x"', `"x${index}"`));
    const result = parseGapImport(lines.join('\n'));
    expect(result.errors).toEqual([]);
    expect(result.gaps.map((gap) => gap.card?.step)).toEqual([3, 4, 5, undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(result.gaps.every((gap) => gap.card !== undefined)).toBe(true);
    // A Hub's list is read the same way.
    expect(parseGapFlags([{ ...flag('h'), kind: 'outdated', card: RUBRIC_STEP_3 }]).gaps[0]!.card?.step).toBe(3);
  });
});

describe('outdatedSteps', () => {
  const outdated = (id: string, cardStep: number | undefined, createdAt: number, cardKey = 'district/rubric') =>
    gapRecord({ id, kind: 'outdated', cardKey, cardId: cardKey.split('/')[1], cardStep, createdAt });

  it('groups "out of date" flags that name a step by card and step, most flagged first, then the latest', () => {
    const gaps = [
      outdated('a', 3, 100),
      outdated('b', 3, 300),
      outdated('c', 1, 200),
      outdated('d', 3, 200),
      outdated('e', 2, 400, 'district/hide-grades'),
      outdated('f', 2, 250, 'district/hide-grades'),
      // Not about a step, or not "out of date": listed elsewhere.
      outdated('g', undefined, 500),
      gapRecord({ id: 'h', kind: 'unhelpful', cardKey: 'district/rubric', cardId: 'rubric', cardStep: 3, createdAt: 600 }),
      gapRecord({ id: 'i', kind: 'missing', createdAt: 700 }),
    ];
    expect(outdatedSteps(gaps)).toEqual([
      { cardKey: 'district/rubric', step: 3, title: 'rubric', count: 3, last: 300, gapIds: ['b', 'd', 'a'] },
      { cardKey: 'district/hide-grades', step: 2, title: 'hide-grades', count: 2, last: 400, gapIds: ['e', 'f'] },
      { cardKey: 'district/rubric', step: 1, title: 'rubric', count: 1, last: 200, gapIds: ['c'] },
    ]);
    expect(outdatedSteps([])).toEqual([]);
  });

  it('titles an entry as its newest flag named the card', () => {
    const older = gapRecordFromPayload(
      flag('old', { kind: 'outdated', card: { ...RUBRIC_STEP_3, title: 'Rubric grading' }, createdAt: '2026-11-01T10:00:00.000Z' }),
      { origin: 'imported' },
    );
    const newer = gapRecordFromPayload(flag('new', { kind: 'outdated', card: RUBRIC_STEP_3, createdAt: '2026-11-20T10:00:00.000Z' }), {
      origin: 'imported',
    });
    expect(outdatedSteps([older, newer])).toMatchObject([{ title: 'Grade with a rubric', count: 2, gapIds: ['new', 'old'] }]);
  });
});
