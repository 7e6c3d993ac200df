import { afterEach, beforeEach } from 'vitest';
import { cleanup, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Card, Pack } from '../../utils/cards/schema';
import * as make from '../support/factories';
import { db } from '../../utils/platform/db';
import type { GapFlagPayload } from '../../utils/endpoints/types';
import { type TabState } from '../../utils/tabs/tab-state';

/** Cards, flags and the panel set-up shared by the gap component tests. */
export const TAB = 42;
export const SPEEDGRADER: TabState = {
  tabId: TAB,
  url: 'https://district.instructure.com/courses/12345/gradebook/speed_grader?assignment_id=9&student_id=4242',
  detection: { tool: 'canvas', context: 'speedgrader' },
  updatedAt: 1,
};
export const ENDPOINT = 'https://hooks.district.example/coachmark';

export function card(id: string, contexts: string[], extra: Partial<Card> = {}): Card {
  return make.card({ id, title: `Card ${id}`, contexts, ...extra });
}

export function pack(version: string, cards: Card[]): Pack {
  return make.pack({ id: 'district', name: 'District pack', version, cards });
}

export function payload(id: string, extra: Partial<GapFlagPayload> = {}): GapFlagPayload {
  return {
    type: 'gap-flag',
    id,
    createdAt: '2026-11-24T10:00:00.000Z',
    teacher: { name: 'Ms. Rivera' },
    tool: { id: 'canvas', name: 'Canvas' },
    page: { context: 'speedgrader', name: 'SpeedGrader', url: 'https://district.instructure.com/courses/:id/gradebook/speed_grader' },
    mentors: [],
    kind: 'missing',
    note: '',
    searches: [],
    ...extra,
  };
}

/** What the panel sent the background to wake the outbox, per test. */
export const kicks: unknown[] = [];
/** A fresh database, browser and panel address before each test of the file that calls it. */
export function useGapTestSetup(): void {
  beforeEach(async () => {
    fakeBrowser.reset();
    (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => ({});
    await db.delete();
    await db.open();
    kicks.length = 0;
    fakeBrowser.runtime.onMessage.addListener(
      (message: { type?: string; data?: unknown }, _sender, sendResponse: (response: unknown) => void) => {
        if (message.type !== 'panelKicksOutbox') return undefined;
        kicks.push(message.data);
        sendResponse({ res: undefined });
        return true;
      },
    );
    window.history.replaceState(null, '', `/sidepanel.html?tab=${TAB}`);
  });
  afterEach(cleanup);
}

export function previewBody(container: HTMLElement = document.body): GapFlagPayload {
  return JSON.parse(within(container).getByTestId('flag-preview-body').textContent!) as GapFlagPayload;
}
