import { sendMessage } from '../platform/messages';

/**
 * Asks the background to deliver now. Never fails: when no background answers (it is
 * starting), its alarm and startup run deliver anyway.
 */
export async function wakeOutbox(reason: string): Promise<void> {
  try {
    await sendMessage('panelKicksOutbox', { reason });
  } catch {
    // Delivered on the background's own schedule instead.
  }
}
