import { t } from './i18n';

/**
 * A full disk is the one storage failure a teacher or coach can act on, and the browser's own
 * words for it ("QuotaExceededError", "QUOTA_BYTES quota exceeded") say nothing to them. Every
 * place that shows why a save failed goes through storageFailureText.
 */

/** How far to follow wrapped errors: Dexie wraps the browser's in `inner`, others use `cause`. */
const MAX_WRAPPING = 5;

/** Names and messages the browsers give a write refused for lack of space. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const QUOTA_MESSAGE = /\bQUOTA_BYTES\b|quota (?:has been )?exceeded/i;

/** Whether `error` (or an error it wraps) says the device's storage is full. */
export function isStorageFull(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_WRAPPING && typeof current === 'object' && current !== null; depth++) {
    const { name, message, inner, cause } = current as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
    // The extension storage areas report a full area as a plain Error with the quota's name in its message.
    if (typeof message === 'string' && QUOTA_MESSAGE.test(message)) return true;
    current = inner ?? cause;
  }
  return false;
}

/** The storage-full message when that is why a write failed; otherwise the caller's own words for `error`. */
export function storageFailureText(error: unknown, otherwise: (error: unknown) => string): string {
  return isStorageFull(error) ? t('storageFull') : otherwise(error);
}

/** An error's own message, for the callers' `otherwise`. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
