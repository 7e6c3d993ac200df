import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../public/_locales/en/messages.json';

/**
 * The fake browser has no i18n: give it the real English catalogue with Chrome's placeholder
 * rules ($NAME$ → its "content", $1… → substitutions), so components render real strings.
 */
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function getMessageFrom(messages: Messages, key: string, substitutions?: string | string[]): string {
  if (key === '@@ui_locale') return 'en';
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (match, name: string) => {
    const placeholder = Object.entries(entry.placeholders ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return placeholder ? placeholder[1].content : match;
  });
  return withPlaceholders.replace(/\$(\d)/g, (_, index: string) => subs[Number(index) - 1] ?? '');
}

function installI18n() {
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = (key: string, substitutions?: string | string[]) => getMessageFrom(en as Messages, key, substitutions);
  i18n.getUILanguage = () => 'en-US';
}

installI18n();
beforeEach(() => {
  installI18n();
});
