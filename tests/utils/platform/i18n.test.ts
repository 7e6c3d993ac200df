import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom } from '../../setup';
import es from '../../../public/_locales/es/messages.json';
import { t, tn } from '../../../utils/platform/i18n';

/** Reads Spanish, as Chrome does for a browser in Spanish (the setup installs English before each test). */
function useSpanish() {
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = (key: string, substitutions?: string | string[]) => getMessageFrom(es, key, substitutions);
  i18n.getUILanguage = () => 'es-MX';
}

describe('tn', () => {
  it('in English, says one thing in the singular and zero or many in the plural', () => {
    expect(tn('cardCount', 1)).toBe('1 card');
    expect(tn('cardCount', 2)).toBe('2 cards');
    expect(tn('cardCount', 0)).toBe('0 cards');
  });

  it('in Spanish, counts the Spanish way: 1 singular, 0 and 2 plural', () => {
    useSpanish();
    expect(tn('cardCount', 1)).toBe('1 tarjeta');
    expect(tn('cardCount', 2)).toBe('2 tarjetas');
    expect(tn('cardCount', 0)).toBe('0 tarjetas');
    expect(tn('gapsUnhelpfulTimes', 1)).toBe('una vez');
    expect(tn('gapsUnhelpfulTimes', 3)).toBe('3 veces');
  });

  it('puts the count first and the other substitutions after it', () => {
    expect(tn('showAllToolCards', 1, 'Canvas')).toBe('Show 1 card for Canvas');
    expect(tn('showAllToolCards', 240, ['Canvas'])).toBe('Show all 240 cards for Canvas');
    expect(tn('gapsFlagCount', 1, '0')).toBe('1 flag, 0 not resolved');
    useSpanish();
    expect(tn('gapsFlagCount', 4, '2')).toBe('4 avisos, 2 sin resolver');
  });

  it('writes the number as the language writes numbers', () => {
    expect(tn('cardCount', 12000)).toBe('12,000 cards');
    useSpanish();
    expect(tn('cardCount', 12000)).toBe('12.000 tarjetas');
  });

  it('follows the catalogue in use, not the browser: a French browser reading English counts the English way', () => {
    // French says "0 carte": with French rules English would read "0 card".
    const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
    i18n.getUILanguage = () => 'fr-FR';
    expect(tn('cardCount', 0)).toBe('0 cards');
    expect(tn('cardCount', 1)).toBe('1 card');
  });

  it('falls back to the _other form where a language has a form the catalogue does not spell out', () => {
    // Arabic has a "two" form; a catalogue that declares Arabic rules but only _one and _other still reads.
    const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
    const english = i18n.getMessage as (key: string, substitutions?: string | string[]) => string;
    i18n.getMessage = (key: string, substitutions?: string | string[]) =>
      key === 'pluralRulesLocale' ? 'ar' : english(key, substitutions);
    expect(tn('cardCount', 2)).toMatch(/ cards$/);
  });
});

describe('t', () => {
  it('returns the key itself for a message that does not exist, so a missing string is visible', () => {
    expect(t('cardCount_other', '3')).toBe('3 cards');
    expect(t('noSuchMessage' as Parameters<typeof t>[0])).toBe('noSuchMessage');
  });
});
