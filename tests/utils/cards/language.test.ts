import { describe, expect, it } from 'vitest';
import { alternativeGroup, languageScore, preferLanguage, type LanguageCard } from '../../../utils/cards/language';

type TestCard = LanguageCard & { key: string };
/** A card keyed `pack/id`, as the store keys them: its pack is the key's first part. */
const card = (key: string, id: string, extra: Partial<TestCard> = {}): TestCard => ({ key, id, pack: key.split('/')[0]!, ...extra });
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
  // One pack that carries a card in English and its Spanish translation (own id, tagged).
  const gradeQuiz = card('district/grade-quiz', 'grade-quiz', { lang: 'en', pack: 'district', tags: ['quizzes'] });
  const calificar = card('district/calificar-cuestionario', 'calificar-cuestionario', {
    lang: 'es',
    pack: 'district',
    tags: ['cuestionarios', 'translation-of:grade-quiz'],
  });
  const onlyEn = card('starter/speedgrader', 'speedgrader', { lang: 'en', pack: 'starter' });
  const onlyEs = card('district/calendario', 'calendario', { lang: 'es', pack: 'district' });

  it('shows the Spanish translation to a Spanish browser and the English card to others', () => {
    const cards = [gradeQuiz, onlyEn, calificar, onlyEs];
    expect(keys(preferLanguage(cards, 'es-419'))).toEqual([
      'starter/speedgrader',
      'district/calificar-cuestionario',
      'district/calendario',
    ]);
    expect(keys(preferLanguage(cards, 'en-US'))).toEqual(['district/grade-quiz', 'starter/speedgrader', 'district/calendario']);
    // A language the pack does not have: English, the extension's default, wins over Spanish.
    expect(keys(preferLanguage(cards, 'fr'))).toEqual(['district/grade-quiz', 'starter/speedgrader', 'district/calendario']);
  });

  it('keeps a card that has no alternative, in any language', () => {
    expect(keys(preferLanguage([onlyEs, onlyEn], 'en'))).toEqual(['district/calendario', 'starter/speedgrader']);
  });

  it('takes a card’s language from its pack when the card has none', () => {
    const original = card('district/grade-quiz', 'grade-quiz', { pack: 'district' });
    const translated = card('district/calificar', 'calificar', { pack: 'district', lang: 'es', tags: ['translation-of:grade-quiz'] });
    const packs = new Map([['district', 'en']]);
    expect(keys(preferLanguage([original, translated], 'es', packs))).toEqual(['district/calificar']);
    expect(keys(preferLanguage([original, translated], 'en', packs))).toEqual(['district/grade-quiz']);
    // Without the pack's language the original counts as English all the same.
    expect(keys(preferLanguage([original, translated], 'en'))).toEqual(['district/grade-quiz']);
  });

  it('prefers the exact regional variant, then the same language', () => {
    const es = card('p/x-es', 'x-es', { pack: 'p', lang: 'es', tags: ['translation-of:x'] });
    const esMx = card('p/x-mx', 'x-mx', { pack: 'p', lang: 'es-MX', tags: ['translation-of:x'] });
    const en = card('p/x', 'x', { pack: 'p', lang: 'en' });
    expect(keys(preferLanguage([es, esMx, en], 'es-MX'))).toEqual(['p/x-mx']);
    expect(keys(preferLanguage([es, esMx, en], 'es-AR'))).toEqual(['p/x-es']);
  });

  it('groups a translation tagged translation-of:<id> with its original', () => {
    expect(alternativeGroup(calificar)).toBe('grade-quiz');
    expect(keys(preferLanguage([gradeQuiz, calificar], 'es'))).toEqual(['district/calificar-cuestionario']);
    expect(keys(preferLanguage([gradeQuiz, calificar], 'en-GB'))).toEqual(['district/grade-quiz']);
  });

  // Another pack's card never stands in for one it does not own, however it is dressed up.
  const starterRubric = card('coachmark-starter/canvas-speedgrader-rubric', 'canvas-speedgrader-rubric', {
    pack: 'coachmark-starter',
  });
  const starterLanguages = new Map([['coachmark-starter', 'en']]);

  it('never lets another pack’s card with the same id and a closer language hide the card', () => {
    const impostor = card('pasted/canvas-speedgrader-rubric', 'canvas-speedgrader-rubric', { pack: 'pasted', lang: 'en-US' });
    expect(keys(preferLanguage([starterRubric, impostor], 'en-US', starterLanguages))).toEqual([
      'coachmark-starter/canvas-speedgrader-rubric',
      'pasted/canvas-speedgrader-rubric',
    ]);
    expect(keys(preferLanguage([impostor, starterRubric], 'en-US', starterLanguages))).toEqual([
      'pasted/canvas-speedgrader-rubric',
      'coachmark-starter/canvas-speedgrader-rubric',
    ]);
  });

  it('never lets another pack’s translation-of tag hide the card it names', () => {
    const impostor = card('pasted/better-rubric', 'better-rubric', {
      pack: 'pasted',
      lang: 'en-US',
      tags: ['translation-of:canvas-speedgrader-rubric'],
    });
    expect(keys(preferLanguage([starterRubric, impostor], 'en-US', starterLanguages))).toEqual([
      'coachmark-starter/canvas-speedgrader-rubric',
      'pasted/better-rubric',
    ]);
    // Nor the other way round: the original in a browser language the impostor does not fit.
    const spanish = card('pasted/rubrica', 'rubrica', { pack: 'pasted', lang: 'es', tags: ['translation-of:canvas-speedgrader-rubric'] });
    expect(keys(preferLanguage([starterRubric, spanish], 'es', starterLanguages))).toEqual([
      'coachmark-starter/canvas-speedgrader-rubric',
      'pasted/rubrica',
    ]);
  });

  it('leaves same-language cards that share an id alone: they are not translations', () => {
    const a = card('pack-a/intro', 'intro', { pack: 'pack-a', lang: 'en' });
    const b = card('pack-b/intro', 'intro', { pack: 'pack-b', lang: 'en' });
    expect(keys(preferLanguage([a, b], 'es'))).toEqual(['pack-a/intro', 'pack-b/intro']);
  });

  it('returns the input unchanged when nothing is an alternative', () => {
    const cards = [onlyEn, onlyEs];
    expect(preferLanguage(cards, 'es')).toEqual(cards);
  });
});
