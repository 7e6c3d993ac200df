import type { CDPSession, Page } from 'playwright-core';

/**
 * Reading the "show me" overlay from outside. Its shadow root is closed, so neither page
 * scripts nor Playwright's locators reach inside; the DevTools protocol does (DOM.getDocument
 * with pierce), and gives each part's border box and computed style as the browser rendered them.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OverlayPart {
  box: Box;
  style: Record<string, string>;
  text: string;
}

export interface OverlaySnapshot {
  /** Overlay hosts in the page and all its in-process frames. */
  hosts: number;
  hostStyle?: Record<string, string>;
  ring?: OverlayPart;
  label?: OverlayPart;
  /** A walkthrough's box: beside the ring, or alone in the corner. */
  callout?: OverlayPart;
  /** The callout's buttons, by their text (or accessible name, for the close button). */
  buttons?: Record<string, Box>;
}

/** The computed properties compared between pages. */
export const STYLE_PROPERTIES = [
  'display',
  'position',
  'visibility',
  'opacity',
  'transform',
  'filter',
  'z-index',
  'pointer-events',
  'box-sizing',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-radius',
  'outline-style',
  'outline-width',
  'background-color',
  'color',
  'font-size',
  'font-weight',
  'padding-top',
  'padding-left',
] as const;

interface DomNode {
  nodeId: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

function walk(node: DomNode, visit: (node: DomNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
  for (const root of node.shadowRoots ?? []) walk(root, visit);
  if (node.contentDocument) walk(node.contentDocument, visit);
}

function hasClass(node: DomNode, name: string): boolean {
  const attributes = node.attributes ?? [];
  for (let i = 0; i < attributes.length; i += 2) {
    if (attributes[i] === 'class' && attributes[i + 1]!.split(/\s+/).includes(name)) return true;
  }
  return false;
}

function textOf(node: DomNode): string {
  let text = '';
  walk(node, (child) => {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
  });
  return text;
}

async function partOf(cdp: CDPSession, node: DomNode): Promise<OverlayPart> {
  const { model } = await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId });
  const xs = [model.border[0]!, model.border[2]!, model.border[4]!, model.border[6]!];
  const ys = [model.border[1]!, model.border[3]!, model.border[5]!, model.border[7]!];
  const box = {
    x: Math.min(...xs),
    y: Math.min(...ys),
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
  };
  return { box, style: await styleOf(cdp, node), text: textOf(node) };
}

async function styleOf(cdp: CDPSession, node: DomNode): Promise<Record<string, string>> {
  const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId: node.nodeId });
  const wanted = new Set<string>(STYLE_PROPERTIES);
  return Object.fromEntries(computedStyle.filter((entry) => wanted.has(entry.name)).map((entry) => [entry.name, entry.value]));
}

/** The overlay as rendered now: how many hosts, and the ring's and label's boxes and styles. */
export async function readOverlay(page: Page): Promise<OverlaySnapshot> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const hosts: DomNode[] = [];
    walk(root, (node) => {
      if (node.localName === 'coachmark-overlay') hosts.push(node);
    });
    const snapshot: OverlaySnapshot = { hosts: hosts.length };
    const host = hosts[0];
    if (!host) return snapshot;
    snapshot.hostStyle = await styleOf(cdp, host);
    for (const each of hosts) {
      for (const shadow of each.shadowRoots ?? []) {
        for (const child of shadow.children ?? []) {
          if (hasClass(child, 'ring')) snapshot.ring = await partOf(cdp, child);
          if (hasClass(child, 'label')) snapshot.label = await partOf(cdp, child);
          if (hasClass(child, 'callout')) {
            snapshot.callout = await partOf(cdp, child);
            const buttons: Record<string, Box> = {};
            const found: DomNode[] = [];
            walk(child, (node) => {
              if (node.localName === 'button') found.push(node);
            });
            for (const button of found) {
              const attributes = button.attributes ?? [];
              const named = attributes.findIndex((value, i) => i % 2 === 0 && value === 'aria-label');
              const name = named >= 0 ? attributes[named + 1]! : textOf(button).trim();
              buttons[name] = (await partOf(cdp, button)).box;
            }
            snapshot.buttons = buttons;
          }
        }
      }
    }
    return snapshot;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Presses a walkthrough button on the page as the teacher does: a real click at its place. */
export async function clickOverlayButton(page: Page, name: string): Promise<void> {
  const box = (await readOverlay(page)).buttons?.[name];
  if (!box) throw new Error(`no "${name}" button in the walkthrough callout`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** True when `ring` surrounds `target` with the highlight's padding (within a pixel or two of rounding). */
export function ringSurrounds(ring: Box, target: Box, padding = 4, tolerance = 2.5): boolean {
  return (
    Math.abs(ring.x - (target.x - padding)) <= tolerance &&
    Math.abs(ring.y - (target.y - padding)) <= tolerance &&
    Math.abs(ring.width - (target.width + 2 * padding)) <= tolerance &&
    Math.abs(ring.height - (target.height + 2 * padding)) <= tolerance
  );
}

/**
 * Sends a message from an extension page exactly as @webext-core/messaging does (what the
 * panel's and studio's components send), to the background or to a tab's frames.
 */
export async function sendFromExtensionPage<T>(page: Page, type: string, data: unknown, tabId?: number): Promise<T> {
  const answer = await page.evaluate(
    ({ type, data, tabId }) =>
      new Promise<{ res?: unknown; err?: unknown } | undefined>((resolve) => {
        const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
        const api = (globalThis as unknown as { chrome: ChromeMessaging }).chrome;
        if (tabId === undefined) api.runtime.sendMessage(message, resolve);
        else api.tabs.sendMessage(tabId, message, undefined, resolve);
      }),
    { type, data, tabId },
  );
  if (!answer || answer.err !== undefined) throw new Error(`${type}: ${JSON.stringify(answer?.err ?? 'no answer')}`);
  return answer.res as T;
}

interface ChromeMessaging {
  runtime: { sendMessage(message: unknown, callback: (response: { res?: unknown; err?: unknown } | undefined) => void): void };
  tabs: {
    sendMessage(
      tabId: number,
      message: unknown,
      options: undefined,
      callback: (response: { res?: unknown; err?: unknown } | undefined) => void,
    ): void;
  };
}
