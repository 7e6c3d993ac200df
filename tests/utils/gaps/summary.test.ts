import { describe, expect, it } from 'vitest';
import { summarizeFlags, weekStart } from '../../../utils/gaps/summary';

const at = (day: string) => new Date(`${day}T10:00:00`).getTime();
const flag = (tool: string, day: string, status: 'open' | 'resolved' = 'open') => ({ tool, status, createdAt: at(day) });

describe('summarizeFlags', () => {
  it('starts weeks on Monday', () => {
    expect(weekStart(at('2026-11-23'))).toBe('2026-11-23');
    expect(weekStart(at('2026-11-29'))).toBe('2026-11-23');
    expect(weekStart(at('2026-11-22'))).toBe('2026-11-16');
  });

  it('counts per tool (most open first) and per week, quiet weeks included', () => {
    const summary = summarizeFlags(
      [
        flag('canvas', '2026-11-24'),
        flag('canvas', '2026-11-25', 'resolved'),
        flag('seesaw', '2026-11-10'),
        flag('seesaw', '2026-11-26'),
        flag('seesaw', '2026-11-27'),
      ],
      at('2026-11-27'),
      3,
    );
    expect(summary.byTool).toEqual([
      { tool: 'seesaw', name: 'Seesaw', total: 3, open: 3 },
      { tool: 'canvas', name: 'Canvas', total: 2, open: 1 },
    ]);
    expect(summary.byWeek).toEqual([
      { week: '2026-11-23', total: 4 },
      { week: '2026-11-16', total: 0 },
      { week: '2026-11-09', total: 1 },
    ]);
  });
});
