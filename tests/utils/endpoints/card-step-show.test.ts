import { describe, expect, it } from 'vitest';
import { buildRequest, formatBody } from '../../../utils/endpoints';
import { toJsonPayload } from '../../../utils/endpoints/json';
import { TEXT_LIMITS, messageParts } from '../../../utils/endpoints/message-parts';
import { parseEventPayload } from '../../../utils/endpoints/schema';
import { ENDPOINT_FORMATS, type GapFlagPayload } from '../../../utils/endpoints/types';
import { gapFlag, LONG_TEXT } from '../../support/payloads';

/** Ms. Lopez tells her coach that step 3 of a card no longer matches SpeedGrader. */
function stepFlag(card: Partial<NonNullable<GapFlagPayload['card']>> = {}): GapFlagPayload {
  return gapFlag({
    kind: 'outdated',
    note: 'The View Rubric button is gone.',
    card: { id: 'rubric', title: 'Grade with a rubric', pack: 'district', version: 3, step: 3, ...card },
  });
}

function cardFact(payload: GapFlagPayload): string | undefined {
  return messageParts(payload).facts.find((fact) => fact.label === 'Card')?.value;
}

describe('a gap flag about one step, in the chat formats', () => {
  it('names the step after the card’s title', () => {
    expect(cardFact(stepFlag())).toBe('Grade with a rubric, step 3 (district v3)');
    expect(messageParts(stepFlag()).title).toBe('Gap flagged: Canvas › SpeedGrader — card out of date');
    // A flag about the card as a whole reads as before.
    expect(cardFact(stepFlag({ step: undefined }))).toBe('Grade with a rubric (district v3)');
  });

  it('keeps the step when a long title is cut, within the card fact’s length', () => {
    const value = cardFact(stepFlag({ title: LONG_TEXT, pack: LONG_TEXT }))!;
    expect(value.length).toBeLessThanOrEqual(TEXT_LIMITS.card);
    expect(value).toMatch(/…, step 3 \(The gradebook.*…$/);
    expect(cardFact(stepFlag({ title: LONG_TEXT }))).toMatch(/…, step 3 \(district v3\)$/);
    expect(cardFact(stepFlag({ title: ' ' }))).toBe('Step 3 (district v3)');
  });

  it('shows no step that a card cannot have', () => {
    expect(cardFact(stepFlag({ step: 0 }))).toBe('Grade with a rubric (district v3)');
    expect(cardFact(stepFlag({ step: 99 }))).toBe('Grade with a rubric (district v3)');
  });

  it.each(ENDPOINT_FORMATS.filter((format) => format !== 'json'))('%s shows “step 3” with the card', (format) => {
    const body = JSON.stringify(formatBody(format, stepFlag()));
    // Each format escapes its own markup (Discord's parentheses, say); the words are the same.
    expect(body).toContain('Grade with a rubric, step 3 ');
    expect(JSON.stringify(formatBody(format, stepFlag({ step: undefined })))).not.toContain('step 3');
  });
});

describe('a gap flag about one step, as JSON', () => {
  it('sends card.step, and the Hub accepts it as sent', async () => {
    const payload = stepFlag();
    expect(toJsonPayload(payload)).toEqual(payload);
    const request = await buildRequest('json', payload);
    const body = JSON.parse(request.body) as GapFlagPayload;
    expect(body.card).toEqual({ id: 'rubric', title: 'Grade with a rubric', pack: 'district', version: 3, step: 3 });
    expect(parseEventPayload(body)).toEqual({ ok: true, payload });
    // Without a step, none is sent.
    expect(toJsonPayload(stepFlag({ step: undefined }))).not.toHaveProperty('card.step');
  });

  it('sends no step that a card cannot have', () => {
    expect(toJsonPayload(stepFlag({ step: 16 }))).not.toHaveProperty('card.step');
    expect(toJsonPayload(stepFlag({ step: 1.5 }))).not.toHaveProperty('card.step');
  });

  it('is refused by the Hub with a path-named error when the step is no step of a card', () => {
    const errorsOf = (step: unknown) => {
      const result = parseEventPayload({ ...stepFlag(), card: { ...stepFlag().card, step } });
      return result.ok ? [] : result.errors;
    };
    expect(errorsOf(0)).toEqual(['card.step: must be a step number from 1']);
    expect(errorsOf(16)).toEqual(['card.step: must be at most 15 (a card has at most 15 steps)']);
    expect(errorsOf(2.5)).toEqual(['card.step: must be a whole number, not the number 2.5']);
    expect(errorsOf('3')).toHaveLength(1);
    expect(errorsOf('3')[0]).toMatch(/^card\.step: /);
    expect(errorsOf(15)).toEqual([]);
  });
});
