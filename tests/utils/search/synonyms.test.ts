import { describe, expect, it } from 'vitest';
import { buildSynonymTable, SYNONYM_GROUPS, SYNONYMS } from '../../../utils/search/synonyms';
import { stemWord } from '../../../utils/search/text-terms';

describe('synonym table', () => {
  it('matches each group in both directions, by stem', () => {
    expect(SYNONYMS.single.get(stemWord('grade'))).toContainEqual([stemWord('mark')]);
    expect(SYNONYMS.single.get(stemWord('mark'))).toContainEqual([stemWord('grade')]);
  });

  it('keys phrases by the stems of every word, and maps them to single words only', () => {
    expect(SYNONYMS.phrases.get(['due', 'date'].map(stemWord).join(' '))).toEqual([stemWord('deadline')]);
    expect(SYNONYMS.single.get(stemWord('deadline'))).toContainEqual([stemWord('due'), stemWord('date')]);
  });

  it('drops a phrase that is one word once its stop word is gone ("turn in" is not "turn")', () => {
    const table = buildSynonymTable([['submit', 'turn in', 'hand in over']]);
    expect(table.single.get(stemWord('submit'))).toEqual([[stemWord('hand'), stemWord('over')]]);
    expect(table.phrases.get('turn in')).toEqual([stemWord('submit')]);
  });

  it('lists base forms only, each word once', () => {
    const members = SYNONYM_GROUPS.flat();
    expect(new Set(members).size).toBe(members.length);
    for (const member of members) expect(member, member).toBe(member.toLowerCase().trim());
  });
});
