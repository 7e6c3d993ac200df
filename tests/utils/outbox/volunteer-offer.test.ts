import { describe, expect, it } from 'vitest';
import { buildVolunteerOffer, isVolunteerItem, volunteerToolChoices } from '../../../utils/outbox/volunteer-offer';
import { describeVolunteerOffer, toolNames } from '../../../utils/outbox/describe';
import { previewFields } from '../../../utils/outbox/preview-fields';
import { TOOLS } from '../../../utils/tools/catalog';
import { outboxItem } from '../../support/factories';
import { mentorVolunteer } from '../endpoints/volunteer-fixtures';

const NOW = Date.UTC(2026, 11, 2, 15, 10);

describe('buildVolunteerOffer', () => {
  it('builds the offer from what the teacher chose: trimmed, the school from settings, each tool once with its name', () => {
    const offer = buildVolunteerOffer({
      name: '  Maya Lopez ',
      handle: ' U07MAYALOPEZ ',
      tools: ['canvas', 'nearpod', 'canvas'],
      note: ' Free 3rd period, Tuesdays and Thursdays.\n',
      settings: { schoolName: 'Lincoln Elementary' },
      id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
      now: NOW,
    });
    expect(offer).toEqual(mentorVolunteer());
    expect(Object.keys(offer)).toEqual(['type', 'id', 'createdAt', 'teacher', 'handle', 'tools', 'note']);
  });

  it('leaves the school out when none is set, and keeps an empty handle and note as ""', () => {
    const offer = buildVolunteerOffer({
      name: 'Sam',
      handle: ' ',
      tools: ['seesaw'],
      note: '',
      settings: { schoolName: ' ' },
      id: 'x',
      now: NOW,
    });
    expect(offer.teacher).toEqual({ name: 'Sam' });
    expect(offer).toMatchObject({ handle: '', note: '', tools: [{ id: 'seesaw', name: 'Seesaw' }] });
  });
});

describe('volunteerToolChoices', () => {
  it('ticks the page’s tool first, then the tools rated expert, and offers the rest by name', () => {
    const choices = volunteerToolChoices('nearpod', { canvas: 'expert', seesaw: 'comfortable', nearpod: 'expert', padlet: 'expert' });
    expect(choices.suggested).toEqual(['nearpod', 'canvas', 'padlet']);
    const names = choices.others.map((id) => TOOLS.find((tool) => tool.id === id)!.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(new Set([...choices.suggested, ...choices.others])).toEqual(new Set(TOOLS.map((tool) => tool.id)));
  });

  it('suggests nothing off a known tool page without expert ratings, and never a tool the school hides', () => {
    expect(volunteerToolChoices(null, {}).suggested).toEqual([]);
    expect(volunteerToolChoices('not-a-tool', { canvas: 'new' }).suggested).toEqual([]);
    const hidden = volunteerToolChoices('canvas', { nearpod: 'expert' }, ['canvas', 'kahoot']);
    expect(hidden.suggested).toEqual(['nearpod']);
    expect(hidden.others).not.toContain('canvas');
    expect(hidden.others).not.toContain('kahoot');
  });
});

describe('a volunteer offer in the outbox and its preview', () => {
  it('is told apart from pings, flags and plans', () => {
    expect(isVolunteerItem(outboxItem({ payload: mentorVolunteer() }))).toBe(true);
    expect(isVolunteerItem(outboxItem())).toBe(false);
  });

  it('is named by its tools and when it was sent', () => {
    expect(toolNames(mentorVolunteer().tools)).toBe('Canvas and Nearpod');
    expect(toolNames([{ id: 'canvas', name: 'Canvas' }])).toBe('Canvas');
    expect(describeVolunteerOffer(mentorVolunteer({ tools: [{ id: 'canvas', name: 'Canvas' }] }), '10:42')).toBe(
      'Offer to help with Canvas, sent 10:42',
    );
  });

  it('previews who, the handle, the tools and the note, each read from the offer', () => {
    expect(previewFields(mentorVolunteer()).map(({ label, value }) => [label, value])).toEqual([
      ['Your name', 'Maya Lopez'],
      ['School', 'Lincoln Elementary'],
      ['Chat handle', 'U07MAYALOPEZ'],
      ['Tools', 'Canvas and Nearpod'],
      ['Note', 'Free 3rd period, Tuesdays and Thursdays.'],
    ]);
    const bare = mentorVolunteer({ teacher: { name: 'Sam' }, handle: '', note: ' ' });
    expect(previewFields(bare).map((field) => field.id)).toEqual(['name', 'tools']);
  });
});
