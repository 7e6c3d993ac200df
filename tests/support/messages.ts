import { fakeBrowser } from 'wxt/testing/fake-browser';

/** A message as @webext-core/messaging sends it, delivered to the fake browser's listeners; resolves with the handler's answer. */
export async function sendMessage(type: string, data: unknown): Promise<unknown> {
  const answer = new Promise<{ res?: unknown }>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, {}, resolve);
  });
  return (await answer).res;
}

/**
 * Stands in for the background's handler of one message type: records each message's data, in
 * order, and answers with `reply`. Returns the record.
 */
export function answerMessages(type: string, reply: (data: unknown) => unknown = () => undefined): unknown[] {
  const received: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener(
    (message: { type?: string; data?: unknown }, _sender, sendResponse: (response: unknown) => void) => {
      if (message.type !== type) return undefined;
      received.push(message.data);
      sendResponse({ res: reply(message.data) });
      return true;
    },
  );
  return received;
}
