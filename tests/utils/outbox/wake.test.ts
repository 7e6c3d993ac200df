import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { wakeOutbox } from '../../../utils/outbox/wake';
import { answerMessages } from '../../support/messages';

beforeEach(() => fakeBrowser.reset());

describe('wakeOutbox', () => {
  it('asks the background to deliver, saying why', async () => {
    const received = answerMessages('panelKicksOutbox');
    await wakeOutbox('ping');
    expect(received).toEqual([{ reason: 'ping' }]);
  });

  it('resolves when no background answers (it delivers on its own schedule)', async () => {
    await expect(wakeOutbox('retry')).resolves.toBeUndefined();
  });
});
