import { describe, expect, it } from 'vitest';
import { previewFields } from '../../../utils/outbox/preview-fields';
import { gapFlag, helpRequest } from '../../support/payloads';

const asPairs = (fields: ReturnType<typeof previewFields>) => fields.map(({ label, value }) => [label, value]);

describe('previewFields', () => {
  it("labels a ping's parts in the teacher's words, in reading order", () => {
    const payload = helpRequest({ mentors: [{ name: 'Ana Ruiz', handle: 'U1' }, { name: 'Ben Ode' }] });
    expect(asPairs(previewFields(payload))).toEqual([
      ['Message', 'How do I export the session report for one class only?'],
      ['How soon', 'Today'],
      ['Page', 'Nearpod › Reports'],
      ['Page address', '/reports/lessons/:id'],
      ['Your name', 'Maya Lopez'],
      ['School', 'Lincoln Elementary'],
      ['Mentors', 'Ana Ruiz, Ben Ode'],
    ]);
  });

  it("labels a flag's parts: its reason, card, note and searches", () => {
    const payload = gapFlag({ kind: 'outdated', card: { id: 'rubric', title: 'Grade with a rubric', pack: 'district', version: 3 } });
    expect(asPairs(previewFields(payload)).slice(0, 4)).toEqual([
      ['Reason', 'This card is out of date'],
      ['Card', 'Grade with a rubric'],
      ['Note', 'Nothing explains rubric comments.'],
      ['Searches', '“rubric comment”, “speedgrader rubric”'],
    ]);
  });

  it('leaves out the parts that are empty, and the ids and times only the exact data shows', () => {
    const payload = gapFlag({ note: '  ', searches: [], teacher: { name: 'Maya Lopez' }, page: { context: null, name: null, url: '' } });
    expect(previewFields(payload).map((field) => field.id)).toEqual(['kind', 'page', 'name']);
    expect(previewFields(payload).find((field) => field.id === 'page')?.value).toBe('Canvas');
  });

  it('shows only what the payload holds: every value is read from it', () => {
    const payload = helpRequest({ message: 'Where is the export button?', teacher: { name: 'Sam Lee', school: 'Oak High' } });
    const values = previewFields(payload).map((field) => field.value);
    for (const value of values.filter((value) => !['Today', 'Nearpod › Reports'].includes(value))) {
      expect(JSON.stringify(payload)).toContain(JSON.stringify(value).slice(1, -1));
    }
  });
});
