import type { Locator } from '../cards/schema';
import { accessibleName, roleOf } from './accessible';
import { isVisible } from './find';
import { locateAll } from './locate';

/**
 * Robust CSS selectors for an element a coach picked on a tool's page. LMS pages are rebuilt
 * by frameworks that rename classes on every deploy (CSS-in-JS hashes), number ids by render
 * order and insert banners and toasts anywhere, so a selector is only as good as the hook it
 * uses: ids that look hand-written, test/automation attributes, ARIA labels and roles, form
 * names, other stable attributes, hand-written classes, and only when nothing else exists a
 * short structural path. Every candidate is checked to match exactly the picked element.
 */

/** Attributes that exist for tests and automation: the hooks a page promises to keep. */
const TEST_ATTRIBUTES = [
  'data-testid',
  'data-test-id',
  'data-test',
  'data-qa',
  'data-qa-id',
  'data-cy',
  'data-e2e',
  'data-automation-id',
  'data-automation',
  'data-test-selector',
  'data-tid',
] as const;

/** Human-facing attributes that name an element; localised, so they rank below ids and test hooks. */
const NAMING_ATTRIBUTES = ['title', 'placeholder', 'alt'] as const;

/** data-* attributes that describe state or framework bookkeeping, not identity. */
const VOLATILE_DATA_ATTRIBUTE =
  /^data-(?:v-|react|reactid|state|active|selected|focus|hover|open|highlighted|disabled|checked|expanded|index|key|id|row|col|position|order|sort|timestamp|time|count|uid|guid|hash|emotion|styled|astro|svelte)/i;

const STATE_CLASS =
  /^(?:(?:is|has|was|can)[-_A-Z].*|active|selected|current|hover|hovered|focus|focused|focus-visible|open|opened|closed|expanded|collapsed|disabled|enabled|checked|visible|invisible|hidden|show|shown|in|fade|loading|loaded|ready|dragging|pressed|highlighted|ng-.*|ui-state-.*|v-.*)$|--(?:active|selected|current|open|opened|closed|expanded|collapsed|disabled|checked|focus|focused|hover|visible|hidden)$/i;

/** Classes from CSS-in-JS and CSS modules tools: renamed on every build. */
const GENERATED_CLASS_PREFIX = /^(?:css|sc|jsx|jss|svelte|astro|emotion|styled|makeStyles|tw)-|^jss\d/i;

/** Ids that frameworks number or generate at runtime. */
const GENERATED_ID_PREFIX =
  /^(?:ember|yui_|ext-gen|ext-comp|ui-id-|uid-|id-|react-select-|downshift-|headlessui-|radix-|mui-|rc-|tippy-|popover-|tooltip-|__)/i;

/** Utility classes (Tailwind, Bootstrap spacing): describe looks, change with design tweaks. */
const UTILITY_CLASS = /[[\]/:!]|^-?[a-z]{1,4}-\d+(?:\.\d+)?$/;

const MAX_VALUE_LENGTH = 80;
const MAX_CANDIDATES = 5;

const isDigit = (char: string) => char >= '0' && char <= '9';

/**
 * Whether one part of a name (split on "-", "_", ".", spaces) looks machine-made: hashes
 * that alternate letters and digits (3xYz1, a1b2c3), letter soup without vowels, or the
 * mixed-case codes obfuscating build tools produce (VfPpkd, kDxqLe, dOKaXe).
 */
function looksRandom(segment: string): boolean {
  if (segment.length < 4) return false;
  const letters = segment.replace(/[^a-z]/gi, '');
  let switches = 0;
  for (let i = 1; i < segment.length; i++) if (isDigit(segment[i]!) !== isDigit(segment[i - 1]!)) switches++;
  if (letters.length > 0 && letters.length < segment.length && switches >= 2) return true;
  if (letters.length >= 5 && letters.length === segment.length) {
    const vowels = (letters.match(/[aeiouy]/gi) ?? []).length;
    if (vowels === 0) return true;
    const innerCapitals = /[A-Z]/.test(letters.slice(1));
    if (innerCapitals && vowels / letters.length < 0.25) return true;
    // camelCase words put two or more lowercase letters after each capital; codes do not.
    let irregular = 0;
    for (let i = 1; i < letters.length; i++) {
      if (!/[A-Z]/.test(letters[i]!)) continue;
      const rest = /^[a-z]*/.exec(letters.slice(i + 1))![0];
      if (rest.length < 2) irregular++;
    }
    if (irregular >= 2) return true;
  }
  return false;
}

function hasRandomPart(value: string): boolean {
  return value.split(/[-_.\s]+/).some(looksRandom);
}

/** An id worth selecting by: hand-written, not numbered or generated at runtime. */
export function isStableId(id: string): boolean {
  if (!id || id.length > MAX_VALUE_LENGTH) return false;
  if (/^\d/.test(id) || /[:«»\s]/.test(id) || /\d{3,}/.test(id)) return false;
  // Component counters: Select_0, TextInput_16, tab-panel-12.
  if (/_\d+$/.test(id) || /-\d{2,}$/.test(id)) return false;
  if (GENERATED_ID_PREFIX.test(id) || GENERATED_CLASS_PREFIX.test(id)) return false;
  if (/[0-9a-f]{8}/i.test(id) && /\d/.test(id)) return false;
  return !hasRandomPart(id);
}

/** A class that a person wrote and that says what the element is (not how it looks or what state it is in). */
export function isStableClass(name: string): boolean {
  if (!name || name.length > 60) return false;
  if (GENERATED_CLASS_PREFIX.test(name) || STATE_CLASS.test(name) || UTILITY_CLASS.test(name)) return false;
  if (/\d{3,}/.test(name) || /[-_]\d{2,}$/.test(name) || /[«»]/.test(name)) return false;
  return !hasRandomPart(name);
}

/** Attribute values that identify rather than count: no database ids, no hashes, not too long. */
function isStableValue(value: string, humanText = false): boolean {
  const trimmed = value.trim();
  if (!trimmed || value.length > MAX_VALUE_LENGTH) return false;
  if (/\d{3,}/.test(trimmed) || trimmed === 'true' || trimmed === 'false') return false;
  return humanText || !hasRandomPart(trimmed);
}

/** A CSS string literal for an attribute value; single quotes when that avoids escaping double ones. */
export function quoteValue(value: string): string {
  const quote = value.includes('"') && !value.includes("'") ? "'" : '"';
  const escaped = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\a ');
  return `${quote}${quote === '"' ? escaped.replace(/"/g, '\\"') : escaped}${quote}`;
}

function escapeIdent(value: string): string {
  // CSS.escape is there in every browser and in happy-dom; the fallback covers odd realms.
  const css = (globalThis as { CSS?: { escape?: (text: string) => string } }).CSS;
  return css?.escape ? css.escape(value) : value.replace(/[^a-zA-Z0-9_-]/g, (char) => `\\${char}`);
}

/** True when the selector matches this element and no other in its document. */
export function matchesOnly(selector: string, element: Element): boolean {
  try {
    const found = element.ownerDocument.querySelectorAll(selector);
    return found.length === 1 && found[0] === element;
  } catch {
    return false;
  }
}

/**
 * Selectors built from the element's own hooks, best first. Each group holds variants of one
 * idea, loosest first ([aria-label] before button[aria-label]); the first variant that is
 * unique (alone or under an anchor) stands for the group.
 */
function ownSelectorGroups(element: Element): string[][] {
  const tag = escapeIdent(element.localName);
  const groups: string[][] = [];
  const attr = (name: string) => element.getAttribute(name);

  const id = element.id;
  if (id && isStableId(id)) groups.push([`#${escapeIdent(id)}`]);

  for (const name of TEST_ATTRIBUTES) {
    const value = attr(name);
    if (value !== null && isStableValue(value)) groups.push([`[${name}=${quoteValue(value)}]`, `${tag}[${name}=${quoteValue(value)}]`]);
  }

  const role = attr('role');
  const label = attr('aria-label');
  if (label !== null && isStableValue(label, true)) {
    const labelled = `[aria-label=${quoteValue(label)}]`;
    groups.push(
      role && isStableValue(role)
        ? [`[role=${quoteValue(role)}]${labelled}`, `${tag}[role=${quoteValue(role)}]${labelled}`]
        : [labelled, `${tag}${labelled}`],
    );
  }

  const name = attr('name');
  if (name !== null && isStableValue(name)) groups.push([`${tag}[name=${quoteValue(name)}]`]);

  for (const attribute of NAMING_ATTRIBUTES) {
    const value = attr(attribute);
    if (value !== null && isStableValue(value, true)) groups.push([`${tag}[${attribute}=${quoteValue(value)}]`]);
  }
  const target = attr('for');
  if (element.localName === 'label' && target && isStableId(target)) groups.push([`label[for=${quoteValue(target)}]`]);
  const href = attr('href');
  if (href && !/^(?:javascript|data):/i.test(href) && isStableValue(href, true) && !hasRandomPart(href.replace(/[/?#=&:]+/g, '-'))) {
    groups.push([`${tag}[href=${quoteValue(href)}]`]);
  }

  for (const { name: attribute, value } of Array.from(element.attributes)) {
    if (!attribute.startsWith('data-') || (TEST_ATTRIBUTES as readonly string[]).includes(attribute)) continue;
    if (VOLATILE_DATA_ATTRIBUTE.test(attribute) || hasRandomPart(attribute.slice(5)) || !isStableValue(value)) continue;
    groups.push([`${tag}[${attribute}=${quoteValue(value)}]`]);
  }

  if (role && isStableValue(role)) groups.push([`${tag}[role=${quoteValue(role)}]`]);

  const classes = Array.from(element.classList).filter(isStableClass);
  for (const name of classes) groups.push([`${tag}.${escapeIdent(name)}`]);
  if (classes.length >= 2) groups.push([`${tag}.${escapeIdent(classes[0]!)}.${escapeIdent(classes[1]!)}`]);
  return groups;
}

/** The best selector that identifies this element on its own (no ancestors, no positions), or null. */
function ownUniqueSelector(element: Element): string | null {
  for (const group of ownSelectorGroups(element)) {
    const unique = group.find((selector) => matchesOnly(selector, element));
    if (unique) return unique;
  }
  return null;
}

/** Up to `limit` ancestors that can be named on their own: scopes for selectors that repeat on the page. */
function anchorsOf(element: Element, limit = 3): string[] {
  const anchors: string[] = [];
  for (let node = element.parentElement; node && anchors.length < limit; node = node.parentElement) {
    if (node === element.ownerDocument.body || node === element.ownerDocument.documentElement) break;
    const selector = ownUniqueSelector(node);
    if (selector) anchors.push(selector);
  }
  return anchors;
}

/** Last resort: tag names and positions from the nearest nameable ancestor (or body). */
export function pathSelector(element: Element): string {
  const doc = element.ownerDocument;
  const steps: string[] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node === doc.documentElement) {
      steps.unshift('html');
      break;
    }
    if (node === doc.body) {
      steps.unshift('body');
      break;
    }
    if (node !== element) {
      const anchor = ownUniqueSelector(node);
      if (anchor) {
        steps.unshift(anchor);
        break;
      }
    }
    const tag = escapeIdent(node.localName);
    const parent: Element | null = node.parentElement;
    const sameTag = parent ? Array.from(parent.children).filter((child) => child.localName === node!.localName) : [node];
    steps.unshift(sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(node) + 1})` : tag);
  }
  return steps.join(' > ');
}

/**
 * Selector candidates for the element, most robust first, each matching exactly this
 * element. A positional path is offered only when nothing better exists: after a re-render
 * it may point at a different element, and a wrong highlight is worse than none.
 */
export function selectorCandidates(element: Element, limit = MAX_CANDIDATES): string[] {
  const found: string[] = [];
  const add = (selector: string) => {
    if (found.length < limit && !found.includes(selector) && matchesOnly(selector, element)) found.push(selector);
  };
  const groups = ownSelectorGroups(element);
  let anchors: string[] | undefined;
  for (const group of groups) {
    if (found.length >= limit) break;
    const unique = group.find((selector) => matchesOnly(selector, element));
    if (unique) {
      add(unique);
      continue;
    }
    anchors ??= anchorsOf(element);
    for (const anchor of anchors) {
      const scoped = group.map((selector) => `${anchor} ${selector}`).find((selector) => matchesOnly(selector, element));
      if (scoped) {
        add(scoped);
        break;
      }
    }
  }
  if (found.length === 0) add(pathSelector(element));
  return found;
}

// ---------------------------------------------------------------------------------------------
// Locators: what "show me" tries first, before any CSS.

export interface LocatorOptions {
  /** Whether an element shows on the page; the finder's isVisible by default (needs real layout). */
  isVisible?: (element: Element) => boolean;
  /** At most this many locators (the pack format allows six). */
  limit?: number;
}

const MAX_LOCATORS = 6;
/** The pack format's limit for a role's name, text and attribute values. */
const MAX_LOCATOR_TEXT = 200;
/** How many named ancestors are tried as the container of a name that repeats on the page. */
const MAX_CONTAINERS = 3;
/** Roles that say nothing about what the element is. */
const EMPTY_ROLES = new Set(['presentation', 'none', 'generic']);
const ROLE_NAME = /^[a-z]{1,40}$/;

/**
 * How well the locator leads "show me" (which takes the first visible match) to this element:
 * 'only' when it finds this element alone, or this is the only visible one of those it finds;
 * 'first' when this is the first visible of several visible ones; null when it leads elsewhere.
 */
function fit(locator: Locator, element: Element, visible: (element: Element) => boolean): 'only' | 'first' | null {
  let found: Element[];
  try {
    found = locateAll([element.ownerDocument], locator);
  } catch {
    return null;
  }
  if (found.length === 1) return found[0] === element ? 'only' : null;
  const shown = found.filter((candidate) => {
    try {
      return visible(candidate);
    } catch {
      return false;
    }
  });
  if (shown[0] !== element) return null;
  return shown.length === 1 ? 'only' : 'first';
}

/** Whether the locator leads "show me" to this element. */
function leadsTo(locator: Locator, element: Element, visible: (element: Element) => boolean): boolean {
  return fit(locator, element, visible) !== null;
}

/** The element's role and accessible name, when it has both and they are worth finding it by. */
function roleAndName(element: Element): { role: string; name: string } | null {
  const role = roleOf(element);
  if (!ROLE_NAME.test(role) || EMPTY_ROLES.has(role)) return null;
  const name = accessibleName(element);
  if (!name || name.length > MAX_LOCATOR_TEXT || !isStableValue(name, true)) return null;
  return { role, name };
}

/**
 * Role and name, alone when that singles the element out, else inside the nearest named
 * ancestor that does ("Add comment" in each criterion); failing both, alone when this is the
 * first visible match, which is what "show me" would ring.
 */
function roleLocator(element: Element, visible: (element: Element) => boolean): Locator | null {
  const own = roleAndName(element);
  if (!own) return null;
  const ownFit = fit(own, element, visible);
  if (ownFit === 'only') return own;
  const scoped: Array<{ locator: Locator; fit: 'only' | 'first' | null }> = [];
  for (let node = element.parentElement; node && scoped.length < MAX_CONTAINERS; node = node.parentElement) {
    if (node === element.ownerDocument.body || node === element.ownerDocument.documentElement) break;
    const container = roleAndName(node);
    if (!container) continue;
    const locator: Locator = { ...own, within: container };
    const scopedFit = fit(locator, element, visible);
    if (scopedFit === 'only') return locator;
    scoped.push({ locator, fit: scopedFit });
  }
  if (ownFit === 'first') return own;
  return scoped.find((candidate) => candidate.fit === 'first')?.locator ?? null;
}

/** An attribute's value as a locator's text: trimmed, not empty, not too long. */
function attributeText(element: Element, name: string): string | null {
  const value = element.getAttribute(name)?.trim();
  return value && value.length <= MAX_LOCATOR_TEXT ? value : null;
}

/**
 * Ways for "show me" to find the element, most robust first: its role and accessible name
 * (what a person and a screen reader know it by), its data-testid, aria-label and hand-written
 * id, then the CSS candidates. Each one leads to this element; none is offered that only
 * happens to match it. Never throws: a locator it cannot judge is left out.
 */
export function locatorCandidates(element: Element, options: LocatorOptions = {}, selectors?: readonly string[]): Locator[] {
  const visible = options.isVisible ?? isVisible;
  const limit = Math.min(options.limit ?? MAX_LOCATORS, MAX_LOCATORS);
  const found: Locator[] = [];
  /** CSS that would repeat a locator already offered. */
  const covered = new Set<string>();
  const offer = (locator: Locator | null, css?: string) => {
    if (!locator || found.length >= limit) return;
    try {
      if (!leadsTo(locator, element, visible)) return;
    } catch {
      return;
    }
    found.push(locator);
    if (css) covered.add(css);
  };

  try {
    offer(roleLocator(element, visible));
  } catch {
    // A page the accessible-name rules choke on: the other locators still stand.
  }
  const testId = attributeText(element, 'data-testid');
  if (testId && isStableValue(testId)) offer({ testId }, `[data-testid=${quoteValue(testId)}]`);
  const label = attributeText(element, 'aria-label');
  if (label && isStableValue(label, true)) offer({ ariaLabel: label }, `[aria-label=${quoteValue(label)}]`);
  const id = element.id;
  if (id && isStableId(id)) offer({ id }, `#${escapeIdent(id)}`);

  let css: readonly string[] = [];
  try {
    css = selectors ?? selectorCandidates(element);
  } catch {
    css = [];
  }
  for (const selector of css) {
    if (found.length >= limit) break;
    if (selector.length > 500 || covered.has(selector)) continue;
    found.push({ css: selector });
  }
  return found;
}

/** What the picker reports for the element: its locators, most robust first, and its CSS candidates. */
export function pickCandidates(element: Element, options: LocatorOptions = {}): { locators: Locator[]; selectors: string[] } {
  const selectors = selectorCandidates(element);
  return { locators: locatorCandidates(element, options, selectors), selectors };
}
