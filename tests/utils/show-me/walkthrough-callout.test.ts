import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCallout, stepPlainText, stepTextParts } from '../../../utils/show-me/callout';
import { calloutSpot, labelSpot } from '../../../utils/show-me/highlight';
import type { WalkAction, WalkStepView } from '../../../utils/show-me/types';

const view = (index: number, total = 3, text = 'Select **View Rubric**, then `Save`.'): WalkStepView => ({
  index,
  total,
  text,
  title: 'Score a rubric',
  strings: {
    count: `Step ${index + 1} of ${total}`,
    name: 'Walkthrough: Score a rubric',
    back: 'Back',
    skip: 'Skip',
    next: 'Next',
    done: 'Done',
    end: 'End walkthrough',
    notFound: 'Not on the page yet.',
  },
});

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('the step’s words on the page', () => {
  it('keeps bold and code, and the words of links, dropping the rest of the Markdown', () => {
    expect(stepTextParts('Open **Settings** › `Course Details`, then see [the guide](https://x.example/y).')).toEqual([
      { text: 'Open ' },
      { text: 'Settings', strong: true },
      { text: ' › ' },
      { text: 'Course Details', code: true },
      { text: ', then see the guide.' },
    ]);
    expect(stepPlainText('1. Choose _Publish_ <b>now</b>')).toBe('Choose Publish now');
  });

  it('never turns card text into markup on the page', () => {
    const box = buildCallout(document, view(0, 2, '<img src=x onerror=alert(1)> Select **<i>Save</i>**'), { onAction: () => {} });
    expect(box.querySelector('img, i')).toBeNull();
    expect(box.querySelector('strong')?.textContent).toBe('Save');
  });
});

describe('the walkthrough callout', () => {
  it('names itself, says which step, and offers Back, Skip and Next in the middle of a card', () => {
    const box = buildCallout(document, view(1), { onAction: () => {} });
    expect(box.getAttribute('role')).toBe('dialog');
    expect(box.getAttribute('aria-label')).toBe('Walkthrough: Score a rubric');
    expect(box.querySelector('.callout__count')?.textContent).toBe('Step 2 of 3');
    const buttons = [...box.querySelectorAll('button')].map((button) => button.getAttribute('aria-label') ?? button.textContent);
    expect(buttons).toEqual(['Back', 'Skip', 'Next', 'End walkthrough']);
  });

  it('has no Back on the first step, and Done instead of Next and Skip on the last', () => {
    const first = [...buildCallout(document, view(0), { onAction: () => {} }).querySelectorAll('button')].map((b) => b.textContent);
    expect(first).toEqual(['Skip', 'Next', '×']);
    const last = [...buildCallout(document, view(2), { onAction: () => {} }).querySelectorAll('button')].map((b) => b.textContent);
    expect(last).toEqual(['Back', 'Done', '×']);
  });

  it('says when the control is not on the page, and reads the step out in a status region', async () => {
    vi.useFakeTimers();
    const box = buildCallout(document, view(1), { notFound: true, onAction: () => {} });
    document.body.append(box);
    expect(box.querySelector('.callout__note')?.textContent).toBe('Not on the page yet.');
    const live = box.querySelector('[role="status"]')!;
    expect(live.textContent).toBe('');
    await vi.advanceTimersByTimeAsync(100);
    expect(live.textContent).toBe('Step 2 of 3: Select View Rubric, then Save. Not on the page yet.');
  });

  it('acts only on the teacher’s own clicks', () => {
    const actions: WalkAction[] = [];
    const box = buildCallout(document, view(1), { onAction: (action) => actions.push(action) });
    document.body.append(box);
    const [back, skip, next, end] = [...box.querySelectorAll('button')];
    // happy-dom makes only untrusted events, as a page's own script does: those do nothing.
    next!.click();
    expect(actions).toEqual([]);
    // The teacher's own clicks (the browser marks them trusted; real Chromium covers this in the e2e).
    const fromUser = () => Object.defineProperty(new MouseEvent('click', { bubbles: true }), 'isTrusted', { value: true });
    for (const button of [back, skip, next, end]) button!.dispatchEvent(fromUser());
    expect(actions).toEqual(['back', 'skip', 'next', 'done']);
  });
});

describe('where the callout goes', () => {
  const view = { width: 1200, height: 800 };
  const size = { width: 320, height: 140 };

  it('below the control when there is room, lined up with it', () => {
    expect(calloutSpot({ left: 100, top: 100, width: 120, height: 40 }, size, view)).toEqual({ x: 100, y: 148 });
  });

  it('beside the control near the bottom of the view, so it covers neither the control nor what is above it', () => {
    // Right of a comment box at the bottom of a right-hand pane: no room, so to its left.
    expect(calloutSpot({ left: 700, top: 600, width: 420, height: 70 }, size, view)).toEqual({ x: 372, y: 600 });
    // A small button at the bottom left: to its right.
    expect(calloutSpot({ left: 20, top: 700, width: 80, height: 40 }, size, view)).toEqual({ x: 108, y: 652 });
    // A small button at the bottom of a right-hand pane, with its neighbours to the right: the wider, left side.
    expect(calloutSpot({ left: 660, top: 690, width: 40, height: 40 }, size, view)).toEqual({ x: 332, y: 652 });
  });

  it('above only when neither side has room, and the label’s place when nothing fits', () => {
    expect(calloutSpot({ left: 0, top: 600, width: 1200, height: 60 }, size, view)).toEqual({ x: 8, y: 452 });
    expect(calloutSpot({ left: 0, top: 0, width: 1200, height: 800 }, size, view)).toEqual(
      labelSpot({ left: 0, top: 0, width: 1200, height: 800 }, size, view),
    );
  });
});
