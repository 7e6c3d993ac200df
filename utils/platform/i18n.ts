import { browser } from 'wxt/browser';

export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/**
 * A message with plural forms: `${key}_one` and `${key}_other` both exist. The chrome.i18n
 * format has no plurals, so each form is its own message; more forms (`_few`, `_many`) can be
 * added for a language that needs them, and `_other` is always there to fall back on.
 */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
}[MessageKey];

/** A UI string from public/_locales; every visible string goes through here. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * A UI string about `count` things, in the plural form the catalogue's language uses for that
 * number. The count, formatted for that language, is the first substitution ($1, usually
 * named $COUNT$); `substitutions` follow it as $2, $3….
 */
export function tn(key: PluralKey, count: number, substitutions: string | string[] = []): string {
  const locale = catalogueLocale();
  const rest = Array.isArray(substitutions) ? substitutions : [substitutions];
  const all = [formatCount(count, locale), ...rest];
  const form = pluralRules(locale).select(count);
  const message = browser.i18n.getMessage(`${key}_${form}` as MessageKey, all);
  return message || t(`${key}_other` as MessageKey, all);
}

/**
 * The language of the catalogue in use, so that plural rules fit the words: a browser in a
 * language Coachmark has no catalogue for reads English, and must count the English way.
 */
export function catalogueLocale(): string {
  return browser.i18n.getMessage('pluralRulesLocale') || 'en';
}

const rulesByLocale = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(count);
}
