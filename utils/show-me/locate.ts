import type { ContainerLocator, Locator, StepTarget } from '../cards/schema';
import { accessibleName, normalizeSpace, roleCandidatesSelector, roleOf } from './accessible';

/**
 * Locators: the ways a step's target says to find its element (utils/cards/schema.ts). Each
 * finds every element that fits, in the page, its open shadow roots and the documents it is
 * handed (the caller adds same-origin frames); whether one is visible is the finder's call.
 */

/** A locator, or a bare CSS selector (the older `selectors` list). */
export type AnyLocator = Locator | string;

export type Scope = Document | ShadowRoot | Element;
type NameMatch = NonNullable<Locator['match']>;

/** Where a search stops descending, so a hostile page cannot make it run for ever. */
const MAX_SCOPES = 400;
/** How far up from matching text the ring may move to the control that holds it. */
const MAX_CONTROL_CLIMB = 4;
/** How far up from a text node a split text ("<b>Add</b> Module") may be put together. */
const MAX_TEXT_CLIMB = 8;

/** The target's ways to find its element, in order: its locators, then its CSS selectors. */
export function targetLocators(target: Pick<StepTarget, 'locate' | 'selectors'>): AnyLocator[] {
  return [...(target.locate ?? []), ...(target.selectors ?? [])];
}

/** One line a coach can read: `button "View Rubric"`, `text "Publish"`, `css #save`. */
export function describeLocator(locator: AnyLocator): string {
  if (typeof locator === 'string') return `css ${locator}`;
  const quoted = (value: string) => `"${value}"`;
  let text: string;
  if (locator.role !== undefined) text = locator.name !== undefined ? `${locator.role} ${quoted(locator.name)}` : locator.role;
  else if (locator.text !== undefined) text = `text ${quoted(locator.text)}`;
  else if (locator.testId !== undefined) text = `data-testid ${quoted(locator.testId)}`;
  else if (locator.ariaLabel !== undefined) text = `aria-label ${quoted(locator.ariaLabel)}`;
  else if (locator.id !== undefined) text = `id ${quoted(locator.id)}`;
  else text = `css ${locator.css ?? ''}`;
  if (locator.match && locator.match !== 'exact') text += ` (${locator.match === 'start' ? 'starts with' : 'contains'})`;
  if ('within' in locator && locator.within) text += ` in ${describeLocator(locator.within)}`;
  return text;
}

// Node types, not instanceof: a same-origin frame's nodes come from another realm's constructors.
const isElement = (node: Scope): node is Element => node.nodeType === 1;
const isDocument = (node: Scope): node is Document => node.nodeType === 9;

function matches(actual: string, wanted: string, mode: NameMatch = 'exact'): boolean {
  const have = normalizeSpace(actual).toLowerCase();
  const want = normalizeSpace(wanted).toLowerCase();
  if (mode === 'start') return have.startsWith(want);
  if (mode === 'contains') return have.includes(want);
  return have === want;
}

/** The scope and the open shadow roots inside it, depth first (closed ones are the page's own). */
export function scopesWithin(root: Scope, limit = MAX_SCOPES): Scope[] {
  const scopes: Scope[] = [root];
  for (let i = 0; i < scopes.length && scopes.length < limit; i++) {
    const scope = scopes[i]!;
    if (isElement(scope) && scope.shadowRoot) scopes.push(scope.shadowRoot);
    for (const element of Array.from(scope.querySelectorAll('*'))) {
      if (element.shadowRoot && scopes.length < limit) scopes.push(element.shadowRoot);
    }
  }
  return scopes;
}

function elementsIn(scopes: readonly Scope[], selector: string): Element[] {
  const found: Element[] = [];
  for (const scope of scopes) {
    if (isElement(scope) && scope.matches(selector)) found.push(scope);
    found.push(...Array.from(scope.querySelectorAll(selector)));
  }
  return found;
}

const CONTROL_ROLES = new Set([
  'button',
  'checkbox',
  'link',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'radio',
  'switch',
  'tab',
  'treeitem',
  'combobox',
]);

/** The control the teacher would press for this text: the nearest control holding it, else the text's element. */
function controlFor(element: Element): Element {
  let node: Element | null = element;
  for (let i = 0; node && i <= MAX_CONTROL_CLIMB; i++, node = node.parentElement) {
    if (node.localName === 'label' || node.localName === 'summary' || CONTROL_ROLES.has(roleOf(node))) return node;
  }
  return element;
}

/** Elements whose visible text fits, innermost first found, each moved to the control that holds it. */
function byText(scopes: readonly Scope[], wanted: string, mode: NameMatch): Element[] {
  const want = normalizeSpace(wanted).toLowerCase();
  const found = new Set<Element>();
  for (const scope of scopes) {
    const doc = isDocument(scope) ? scope : scope.ownerDocument;
    if (!doc) continue;
    const walker = doc.createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const piece = normalizeSpace(node.textContent).toLowerCase();
      if (!piece) continue;
      // Only text that can be part of the wanted text (or holds it) starts a climb.
      if (!want.includes(piece) && !piece.includes(want)) continue;
      let element = node.parentElement;
      for (let i = 0; element && i < MAX_TEXT_CLIMB; i++, element = element.parentElement) {
        if (element.localName === 'script' || element.localName === 'style') break;
        const text = normalizeSpace(element.textContent).toLowerCase();
        if (matches(text, want, mode)) {
          found.add(element);
          break;
        }
        // Longer than the wanted text: an exact match can only be further in.
        if (mode === 'exact' && text.length > want.length) break;
        if (element === scope) break;
      }
    }
  }
  // A climb from unrelated text can reach a container that holds the match too: keep the innermost.
  const innermost = [...found].filter((element) => ![...found].some((other) => other !== element && element.contains(other)));
  return [...new Set(innermost.map(controlFor))];
}

function byAttribute(scopes: readonly Scope[], attribute: string, wanted: string, mode: NameMatch): Element[] {
  return elementsIn(scopes, `[${attribute}]`).filter((element) => matches(element.getAttribute(attribute) ?? '', wanted, mode));
}

function byRole(scopes: readonly Scope[], role: string, name: string | undefined, mode: NameMatch): Element[] {
  return elementsIn(scopes, roleCandidatesSelector(role)).filter(
    (element) => roleOf(element) === role && (name === undefined || matches(accessibleName(element), name, mode)),
  );
}

/** Elements a locator without `within` finds in these scopes; throws a SyntaxError for CSS that is not valid. */
function findIn(scopes: readonly Scope[], locator: ContainerLocator): Element[] {
  const mode = locator.match ?? 'exact';
  if (locator.role !== undefined) return byRole(scopes, locator.role, locator.name, mode);
  if (locator.text !== undefined) return byText(scopes, locator.text, mode);
  if (locator.testId !== undefined) return byAttribute(scopes, 'data-testid', locator.testId, 'exact');
  if (locator.ariaLabel !== undefined) return byAttribute(scopes, 'aria-label', locator.ariaLabel, mode);
  if (locator.id !== undefined) return byAttribute(scopes, 'id', locator.id, 'exact');
  if (locator.css !== undefined) return elementsIn(scopes, locator.css);
  return [];
}

/**
 * Every element in the documents that the locator finds, in document order per document,
 * whether visible or not. Throws a SyntaxError when its CSS is not valid. A search trying
 * several locators on a still page passes one `scopeCache` to all of them.
 */
export function locateAll(documents: readonly Document[], locator: AnyLocator, scopeCache?: Map<Document, Scope[]>): Element[] {
  const spec: Locator = typeof locator === 'string' ? { css: locator } : locator;
  const found: Element[] = [];
  for (const doc of documents) {
    if (!doc.documentElement) continue;
    // One search of several locators walks the page for shadow roots once.
    let scopes = scopeCache?.get(doc);
    if (!scopes) {
      scopes = scopesWithin(doc);
      scopeCache?.set(doc, scopes);
    }
    if (!spec.within) {
      found.push(...findIn(scopes, spec));
      continue;
    }
    const seen = new Set<Element>();
    for (const container of findIn(scopes, spec.within)) {
      for (const element of findIn(scopesWithin(container), spec)) {
        if (element === container || seen.has(element)) continue;
        seen.add(element);
        found.push(element);
      }
    }
  }
  return found;
}
