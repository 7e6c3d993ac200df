import { describe, expect, it } from 'vitest';
import { excerpt, formatTime, linkHost, placeName } from '../../../utils/platform/format';

describe('formatTime', () => {
  const at = (text: string) => new Date(text).getTime();

  it('gives the time alone for today, in the browser language', () => {
    const expected = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit' }).format(at('2026-03-04T10:42:00'));
    expect(formatTime(at('2026-03-04T10:42:00'), at('2026-03-04T18:00:00'))).toBe(expected);
  });

  it('adds the date for another day', () => {
    const text = formatTime(at('2026-03-01T10:42:00'), at('2026-03-04T18:00:00'));
    expect(text).toBe(
      new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
        at('2026-03-01T10:42:00'),
      ),
    );
    expect(text).toContain('Mar');
  });
});

describe('excerpt', () => {
  it('keeps short text whole, on one line', () => {
    expect(excerpt('  How do I\n\nhide   grades?  ')).toBe('How do I hide grades?');
  });

  it('cuts long text at the limit with an ellipsis, counting characters rather than UTF-16 units', () => {
    expect(excerpt('a'.repeat(200))).toBe(`${'a'.repeat(119)}…`);
    expect(excerpt('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
    expect(excerpt('😀'.repeat(5), 5)).toBe('😀😀😀😀😀');
  });
});

describe('linkHost', () => {
  it('names the site without www, or nothing for text that is not a URL', () => {
    expect(linkHost('https://www.youtube.com/watch?v=1')).toBe('youtube.com');
    expect(linkHost('https://community.canvaslms.com/t5/x')).toBe('community.canvaslms.com');
    expect(linkHost('not a url')).toBe('');
  });
});

describe('placeName', () => {
  it('joins tool and page with the separator, or gives the tool alone', () => {
    expect(placeName({ tool: { name: 'Canvas' }, page: { name: 'SpeedGrader' } })).toBe('Canvas › SpeedGrader');
    expect(placeName({ tool: { name: 'Canvas' }, page: { name: null } })).toBe('Canvas');
  });
});
