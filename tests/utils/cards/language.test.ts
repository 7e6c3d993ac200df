import { describe, expect, it } from 'vitest';
import { alternativeGroup, languageScore, preferLanguage, type LanguageCard } from '../../../utils/cards/language';

type TestCard = LanguageCard & { key: string };
const card = (key: string, id: string, extra: Partial<TestCard> = {}): TestCard => ({ key, id, ...extra });
const keys = (cards: TestCard[]) => cards.map((item) => item.key);

describe('languageScore', () => {
  it.each([
    ['es-MX', 'es-MX', 3],
    ['es_MX', 'es-mx', 3],
    ['es', 'es-MX', 2],
    ['es-ES', 'es-MX', 2],
    ['en', 'es-MX', 1],
    [undefined, 'es-MX', 1],
    ['fr', 'es-MX', 0],
    [undefined, 'en-US', 2],
    ['en', 'en', 3],
  ] as const)('card %s for a %s browser: %i', (cardLang, ui, score) => {
    expect(languageScore(cardLang, ui)).toBe(score);
  });
});

describe('preferLanguage', () => {
  // The same card in English (starter pack) and Spanish (a district's translation, same id).
  const rubricEn = card('starter/rubric', 'rubric', { lang: 'en', pack: 'starter' });
  const rubricEs = card('district-es/rubric', 'rubric', { lang: 'es', pack: 'district-es' });
  const onlyEn = card('starter/speedgrader', 'speedgrader', { lang: 'en', pack: 'starter' });
  const onlyEs = card('district-es/calendario', 'calendario', { lang: 'es', pack: 'district-es' });

  it('shows the Spanish card to a Spanish browser and the English one to others', () => {
    const cards = [rubricEn, onlyEn, rubricEs, onlyEs];
    expect(keys(preferLanguage(cards, 'es-419'))).toEqual(['starter/speedgrader', 'district-es/rubric', 'district-es/calendario']);
    expect(keys(preferLanguage(cards, 'en-US'))).toEqual(['starter/rubric', 'starter/speedgrader', 'district-es/calendario']);
    // A language neither pack has: English, the extension's default, wins over Spanish.
    expect(keys(preferLanguage(cards, 'fr'))).toEqual(['starter/rubric', 'starter/speedgrader', 'district-es/calendario']);
  });

  it('keeps a card that has no alternative, in any language', () => {
    expect(keys(preferLanguage([onlyEs, onlyEn], 'en'))).toEqual(['district-es/calendario', 'starter/speedgrader']);
  });

  it('takes a card’s language from its pack when the card has none', () => {
    const fromPackEs = card('district-es/rubric', 'rubric', { pack: 'district-es' });
    const fromPackEn = card('starter/rubric', 'rubric', { pack: 'starter' });
    const packs = new Map([
      ['district-es', 'es'],
      ['starter', 'en'],
    ]);
    expect(keys(preferLanguage([fromPackEn, fromPackEs], 'es', packs))).toEqual(['district-es/rubric']);
    expect(keys(preferLanguage([fromPackEn, fromPackEs], 'en', packs))).toEqual(['starter/rubric']);
  });

  it('prefers the exact regional variant, then the same language', () => {
    const es = card('a/x', 'x', { lang: 'es' });
    const esMx = card('b/x', 'x', { lang: 'es-MX' });
    const en = card('c/x', 'x', { lang: 'en' });
    expect(keys(preferLanguage([es, esMx, en], 'es-MX'))).toEqual(['b/x']);
    expect(keys(preferLanguage([es, esMx, en], 'es-AR'))).toEqual(['a/x']);
  });

  it('groups a translation tagged translation-of:<id> with its original', () => {
    const original = card('p/grade-quiz', 'grade-quiz', { tags: ['quizzes'] });
    const translated = card('p/calificar-cuestionario', 'calificar-cuestionario', {
      lang: 'es',
      tags: ['cuestionarios', 'translation-of:grade-quiz'],
    });
    expect(alternativeGroup(translated)).toBe('grade-quiz');
    expect(keys(preferLanguage([original, translated], 'es'))).toEqual(['p/calificar-cuestionario']);
    expect(keys(preferLanguage([original, translated], 'en-GB'))).toEqual(['p/grade-quiz']);
  });

  it('leaves same-language cards that share an id alone: they are not translations', () => {
    const a = card('pack-a/intro', 'intro', { lang: 'en' });
    const b = card('pack-b/intro', 'intro', { lang: 'en' });
    expect(keys(preferLanguage([a, b], 'es'))).toEqual(['pack-a/intro', 'pack-b/intro']);
  });

  it('returns the input unchanged when nothing is an alternative', () => {
    const cards = [onlyEn, onlyEs];
    expect(preferLanguage(cards, 'es')).toEqual(cards);
  });
});
