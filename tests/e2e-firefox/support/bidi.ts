import type { ElementHandle, Page } from 'puppeteer-core';

/**
 * What puppeteer's ordinary calls cannot do against stock Firefox ESR, done with WebDriver BiDi's
 * own commands, plus the few element actions the tests use.
 */

/** The BiDi browsing context behind a puppeteer page (not part of puppeteer's typed API). */
interface BrowsingContext {
  navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown>;
  setViewport(options: { viewport: { width: number; height: number } | null }): Promise<void>;
}

function browsingContextOf(page: Page): BrowsingContext {
  const frame = page.mainFrame() as unknown as { browsingContext?: BrowsingContext };
  if (!frame.browsingContext) throw new Error('not a WebDriver BiDi page: launch Firefox with puppeteer over BiDi');
  return frame.browsingContext;
}

/**
 * Loads `url` and waits for its load event. Firefox sends puppeteer no load event for a
 * moz-extension:// page, so page.goto never returns there; BiDi's navigate waits by itself.
 */
export async function navigate(page: Page, url: string): Promise<void> {
  await browsingContextOf(page).navigate(url, 'complete');
}

/**
 * Sets the page's viewport. page.setViewport also sets the screen orientation, a command
 * Firefox ESR 140 does not have; the viewport command alone is enough.
 */
export async function setViewport(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await browsingContextOf(page).setViewport({ viewport });
}

// Puppeteer's locators wait on checks that never settle in a moz-extension:// page, so the tests
// wait for an element and act on its handle, which works there.

const ACTION_TIMEOUT_MS = 10_000;

/** Waits (bounded) for the first element matching `selector` (CSS, or `::-p-aria(...)`). */
export async function waitFor(page: Page, selector: string, timeoutMs = ACTION_TIMEOUT_MS): Promise<ElementHandle<Element>> {
  const handle = await page.waitForSelector(selector, { timeout: timeoutMs });
  if (!handle) throw new Error(`no element for ${selector}`);
  return handle;
}

/** The element with this role and accessible name, as a screen reader finds it. */
export function byRole(role: string, name: string): string {
  return `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;
}

export async function click(page: Page, selector: string): Promise<void> {
  const handle = await waitFor(page, selector);
  await handle.click();
  await handle.dispose();
}

/** Clicks into a field and types `text` key by key, as a teacher would. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  const handle = await waitFor(page, selector);
  await handle.click();
  await handle.type(text);
  await handle.dispose();
}

/**
 * Puts `text` in a text field at once, as Playwright's fill does: Firefox takes about 40 ms a
 * key over BiDi, so forms are filled and only a search box is typed into key by key.
 */
export async function fill(page: Page, selector: string, text: string): Promise<void> {
  const handle = await waitFor(page, selector);
  await handle.evaluate((field, value) => {
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) throw new Error('fill: not a text field');
    field.focus();
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }, text);
  await handle.dispose();
}

/** The element's text with runs of white space collapsed. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const handle = await waitFor(page, selector);
  const text = await handle.evaluate((element) => element.textContent ?? '');
  await handle.dispose();
  return text.replace(/\s+/g, ' ').trim();
}
