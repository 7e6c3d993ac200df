import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * Every message between the content script, the background and extension pages, declared
 * once. Names say who sends to whom. Each takes one typed object.
 */
export interface ProtocolMap {
  /**
   * content → background: the page's URL on load and after each in-page navigation, and which
   * self-hostable tool the page's structure shows (the background does the URL matching).
   */
  contentReportsPage(data: { url: string; signature: string | null }): void;
  /** panel → background: deliver queued pings and flags now (after Retry, or when created). */
  panelKicksOutbox(data: { reason: string }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
