import { describe, expect, it } from 'vitest';
import type { PlanMetaRecord } from '../../../utils/platform/db';
import {
  EMPTY_META,
  dayAfter,
  isPlanDate,
  localDate,
  meetingReminder,
  periodSince,
  periodStart,
  rolledMeta,
  startOfDay,
} from '../../../utils/plan/period';

/**
 * The tests run in whatever zone the machine is set to, so every instant is made from a local
 * date and hour: each expectation holds in any zone, with or without daylight saving.
 */
function at(date: string, hour = 12, minute = 0): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, hour, minute).getTime();
}

const meta = (overrides: Partial<PlanMetaRecord> = {}): PlanMetaRecord => ({ ...EMPTY_META, ...overrides });

const HOUR = 60 * 60 * 1000;

/** The days clocks change in the US (Mar 8, Nov 1), in Europe (Mar 29, Oct 25) and in Australia (Apr 5, Oct 4), 2026. */
const CLOCK_CHANGES = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04'];

describe('isPlanDate', () => {
  it('accepts real calendar days written YYYY-MM-DD, leap days included', () => {
    for (const date of ['2026-12-10', '2026-01-01', '2026-12-31', '2028-02-29', '2000-02-29']) expect(isPlanDate(date), date).toBe(true);
  });

  it('refuses days that do not exist, even when the shape is right', () => {
    for (const date of ['2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-12-00', '2026-12-32']) {
      expect(isPlanDate(date), date).toBe(false);
    }
  });

  it('refuses other spellings and other types', () => {
    for (const value of [
      '12/10/2026',
      '2026-1-5',
      '2026-12-10T09:00',
      ' 2026-12-10',
      '2026-12-10 ',
      '',
      null,
      undefined,
      20261210,
      new Date(),
    ]) {
      expect(isPlanDate(value), String(value)).toBe(false);
    }
  });
});

describe('localDate', () => {
  it('is the calendar day of an instant, zero-padded', () => {
    expect(localDate(at('2026-03-05', 9))).toBe('2026-03-05');
    expect(localDate(at('2026-12-10', 0, 0))).toBe('2026-12-10');
  });

  it('turns over at local midnight, across a month and a year end', () => {
    expect(localDate(at('2026-12-31', 23, 59))).toBe('2026-12-31');
    expect(localDate(at('2026-12-31', 23, 59) + 60_000)).toBe('2027-01-01');
    expect(localDate(at('2026-02-28', 23, 59) + 60_000)).toBe('2026-03-01');
  });
});

describe('startOfDay', () => {
  it("is the day's first instant: that day, and one millisecond earlier the day before", () => {
    const cases: Array<[string, string]> = [
      ['2026-12-10', '2026-12-09'],
      ['2026-03-01', '2026-02-28'],
      ['2028-03-01', '2028-02-29'],
      ['2027-01-01', '2026-12-31'],
    ];
    for (const [date, before] of cases) {
      expect(localDate(startOfDay(date)), date).toBe(date);
      expect(localDate(startOfDay(date) - 1), date).toBe(before);
    }
  });

  it('finds local midnight on the days clocks change', () => {
    for (const date of CLOCK_CHANGES) {
      expect(localDate(startOfDay(date)), date).toBe(date);
      expect(localDate(startOfDay(date) - 1), date).not.toBe(date);
    }
  });
});

describe('dayAfter', () => {
  it('moves to the next calendar day across month and year ends', () => {
    expect(dayAfter('2026-12-10')).toBe('2026-12-11');
    expect(dayAfter('2026-01-31')).toBe('2026-02-01');
    expect(dayAfter('2026-02-28')).toBe('2026-03-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2028-02-29')).toBe('2028-03-01');
    expect(dayAfter('2026-04-30')).toBe('2026-05-01');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });

  it('moves one calendar day on a day that is 23 or 25 hours long', () => {
    // Adding 24 hours to midnight would stay on a 25-hour day; dates are counted, not hours.
    const expected = ['2026-03-09', '2026-11-02', '2026-03-30', '2026-10-26', '2026-04-06', '2026-10-05'];
    expect(CLOCK_CHANGES.map(dayAfter)).toEqual(expected);
    for (const date of CLOCK_CHANGES) {
      const length = startOfDay(dayAfter(date)) - startOfDay(date);
      expect(length, date).toBeGreaterThanOrEqual(23 * HOUR);
      expect(length, date).toBeLessThanOrEqual(25 * HOUR);
    }
  });
});

describe('periodSince and periodStart', () => {
  it('count everything before the first meeting', () => {
    expect(periodSince(EMPTY_META)).toBeNull();
    expect(periodStart(EMPTY_META)).toBe(0);
    // A next meeting alone does not start a period: only a meeting that has passed does.
    expect(periodSince(meta({ nextMeeting: '2026-12-10' }))).toBeNull();
    expect(periodStart(meta({ nextMeeting: '2026-12-10' }))).toBe(0);
  });

  it('start the day after the last meeting, at local midnight', () => {
    const last = meta({ lastMeeting: '2026-11-03', nextMeeting: '2026-12-10' });
    expect(periodSince(last)).toBe('2026-11-04');
    const start = periodStart(last);
    expect(at('2026-11-03', 23, 59)).toBeLessThan(start);
    expect(at('2026-11-04', 0, 0)).toBeGreaterThanOrEqual(start);
    expect(localDate(start)).toBe('2026-11-04');
  });

  it('start in the new year after a meeting on December 31', () => {
    expect(periodSince(meta({ lastMeeting: '2026-12-31' }))).toBe('2027-01-01');
    expect(localDate(periodStart(meta({ lastMeeting: '2026-12-31' })))).toBe('2027-01-01');
  });
});

describe('rolledMeta', () => {
  const planned = meta({ lastMeeting: '2026-11-03', nextMeeting: '2026-12-10', reminderDismissed: '2026-12-10' });

  it('changes nothing before the meeting, or on the meeting day itself', () => {
    expect(rolledMeta(planned, at('2026-12-09'))).toBeNull();
    expect(rolledMeta(planned, at('2026-12-10', 0, 0))).toBeNull();
    expect(rolledMeta(planned, at('2026-12-10', 23, 59))).toBeNull();
  });

  it('changes nothing when no meeting is set', () => {
    expect(rolledMeta(EMPTY_META, at('2026-12-11'))).toBeNull();
    expect(rolledMeta(meta({ lastMeeting: '2026-11-03' }), at('2026-12-11'))).toBeNull();
  });

  it('makes a meeting whose day is over the last meeting, clears the next one and drops the dismissed reminder', () => {
    const rolled = rolledMeta(planned, at('2026-12-11', 0, 1));
    expect(rolled).toEqual({ id: 'plan', lastMeeting: '2026-12-10', nextMeeting: null });
    expect(rolled).not.toHaveProperty('reminderDismissed');
    expect(periodSince(rolled!)).toBe('2026-12-11');
    // Once rolled, the calendar has nothing more to move.
    expect(rolledMeta(rolled!, at('2027-02-01'))).toBeNull();
  });

  it('rolls a meeting weeks in the past (the panel was not opened since), and leaves the input as it was', () => {
    const before = structuredClone(planned);
    expect(rolledMeta(planned, at('2027-01-20'))).toMatchObject({ lastMeeting: '2026-12-10', nextMeeting: null });
    expect(planned).toEqual(before);
  });
});

describe('meetingReminder', () => {
  const next = meta({ nextMeeting: '2026-12-10' });

  it('says tomorrow all through the day before, and today all through the day itself', () => {
    expect(meetingReminder(next, at('2026-12-09', 0, 0))).toBe('tomorrow');
    expect(meetingReminder(next, at('2026-12-09', 23, 59))).toBe('tomorrow');
    expect(meetingReminder(next, at('2026-12-10', 0, 0))).toBe('today');
    expect(meetingReminder(next, at('2026-12-10', 23, 59))).toBe('today');
  });

  it('says nothing on other days', () => {
    expect(meetingReminder(next, at('2026-12-08', 23, 59))).toBeNull();
    expect(meetingReminder(next, at('2026-12-01'))).toBeNull();
    expect(meetingReminder(next, at('2026-12-11', 0, 0))).toBeNull();
  });

  it('says nothing without a meeting', () => {
    expect(meetingReminder(undefined, at('2026-12-09'))).toBeNull();
    expect(meetingReminder(EMPTY_META, at('2026-12-09'))).toBeNull();
    expect(meetingReminder(meta({ lastMeeting: '2026-12-10' }), at('2026-12-10'))).toBeNull();
  });

  it('counts the day before across a year end and a change of clocks', () => {
    expect(meetingReminder(meta({ nextMeeting: '2027-01-01' }), at('2026-12-31', 23, 30))).toBe('tomorrow');
    expect(meetingReminder(meta({ nextMeeting: '2026-11-02' }), at('2026-11-01', 23, 30))).toBe('tomorrow');
    expect(meetingReminder(meta({ nextMeeting: '2026-03-09' }), at('2026-03-08', 0, 0))).toBe('tomorrow');
  });

  it('stays away once dismissed for that meeting, and comes back for the next one', () => {
    const dismissed = meta({ nextMeeting: '2026-12-10', reminderDismissed: '2026-12-10' });
    expect(meetingReminder(dismissed, at('2026-12-09'))).toBeNull();
    expect(meetingReminder(dismissed, at('2026-12-10'))).toBeNull();
    const moved = { ...dismissed, nextMeeting: '2027-01-14' };
    expect(meetingReminder(moved, at('2027-01-13'))).toBe('tomorrow');
    expect(meetingReminder(moved, at('2027-01-14'))).toBe('today');
  });
});
