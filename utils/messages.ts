import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Detection } from './tools/types';

/**
 * Every message between the content script, the background and extension pages, declared
 * once. Names say who sends to whom. Each takes one typed object.
 */
export interface ProtocolMap {
  /** content → background: what this page is, on load and after each in-page navigation. */
  contentReportsPage(data: { url: string; detection: Detection | null }): void;
  /** panel → background: deliver queued pings and flags now (after Retry, or when created). */
  panelKicksOutbox(data: { reason: string }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
