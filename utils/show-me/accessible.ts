/**
 * Roles and accessible names, as a screen reader would report them: the part of the WAI-ARIA
 * and accname rules that pages actually lean on (explicit roles, the roles tags imply,
 * aria-labelledby, aria-label, form labels, name from content, title, placeholder). Vendors
 * rename classes with every release; what a control says to a person stays, so "show me"
 * finds controls by these.
 */

/** Collapses whitespace and trims: how names and texts are compared. */
export const normalizeSpace = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

const INPUT_ROLES: Record<string, string> = {
  button: 'button',
  submit: 'button',
  reset: 'button',
  image: 'button',
  checkbox: 'checkbox',
  radio: 'radio',
  range: 'slider',
  number: 'spinbutton',
  search: 'searchbox',
  email: 'textbox',
  tel: 'textbox',
  text: 'textbox',
  url: 'textbox',
  password: 'textbox',
};

const TAG_ROLES: Record<string, string> = {
  article: 'article',
  aside: 'complementary',
  button: 'button',
  dialog: 'dialog',
  fieldset: 'group',
  figure: 'figure',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  hr: 'separator',
  img: 'img',
  li: 'listitem',
  main: 'main',
  menu: 'list',
  nav: 'navigation',
  ol: 'list',
  optgroup: 'group',
  option: 'option',
  output: 'status',
  progress: 'progressbar',
  summary: 'button',
  table: 'table',
  tbody: 'rowgroup',
  td: 'cell',
  textarea: 'textbox',
  tfoot: 'rowgroup',
  thead: 'rowgroup',
  tr: 'row',
  ul: 'list',
};

/** Sectioning elements inside which header and footer are not page landmarks. */
const SECTIONING = 'article, aside, main, nav, section';

/** The element's role: its first recognised explicit role, else the one its tag implies, else ''. */
export function roleOf(element: Element): string {
  const explicit = normalizeSpace(element.getAttribute('role')).toLowerCase();
  if (explicit) return explicit.split(' ')[0]!;
  const tag = element.localName;
  switch (tag) {
    case 'a':
    case 'area':
      return element.hasAttribute('href') ? 'link' : '';
    case 'input': {
      const type = (element.getAttribute('type') ?? 'text').toLowerCase();
      if (type === 'hidden') return '';
      if ((type === 'text' || type === 'search' || type === '') && element.hasAttribute('list')) return 'combobox';
      return INPUT_ROLES[type] ?? 'textbox';
    }
    case 'select':
      return element.hasAttribute('multiple') || Number(element.getAttribute('size')) > 1 ? 'listbox' : 'combobox';
    case 'header':
      return element.parentElement?.closest(SECTIONING) ? '' : 'banner';
    case 'footer':
      return element.parentElement?.closest(SECTIONING) ? '' : 'contentinfo';
    case 'section':
      return element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby') ? 'region' : '';
    case 'form':
      return element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby') ? 'form' : '';
    case 'th':
      return element.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader';
    default:
      return TAG_ROLES[tag] ?? '';
  }
}

/** Tags whose implied role depends on more than the tag: what roleOf decides for each. */
const CONDITIONAL_TAGS: Record<string, string[]> = {
  link: ['a[href]', 'area[href]'],
  banner: ['header'],
  contentinfo: ['footer'],
  region: ['section'],
  form: ['form'],
  combobox: ['select', 'input'],
  listbox: ['select'],
  columnheader: ['th'],
  rowheader: ['th'],
};

/**
 * A CSS selector for every element that can have the role: an explicit role of any kind, or a
 * tag that implies it; roleOf makes the final call. Searching these instead of every element
 * keeps "show me" quick on pages with thousands of cells.
 */
export function roleCandidatesSelector(role: string): string {
  const tags = Object.entries(TAG_ROLES)
    .filter(([, implied]) => implied === role)
    .map(([tag]) => tag);
  if (Object.values(INPUT_ROLES).includes(role) || role === 'textbox') tags.push('input');
  tags.push(...(CONDITIONAL_TAGS[role] ?? []));
  return ['[role]', ...new Set(tags)].join(', ');
}

/** Roles whose name comes from their content when nothing names them otherwise. */
const NAME_FROM_CONTENT = new Set([
  'button',
  'cell',
  'checkbox',
  'columnheader',
  'gridcell',
  'heading',
  'link',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'radio',
  'row',
  'rowheader',
  'switch',
  'tab',
  'tooltip',
  'treeitem',
]);

/** Roles that take their name from a <label> (form fields). */
const LABELABLE = new Set(['input', 'select', 'textarea', 'meter', 'output', 'progress']);

/** Not exposed to assistive technology: aria-hidden, hidden, display: none, visibility: hidden. */
function isHiddenFromNames(element: Element): boolean {
  if (element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('hidden')) return true;
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element);
  return style.display === 'none' || style.visibility === 'hidden';
}

/** Looks up ids in the element's own tree (the document, or the shadow root it is in). */
function byIdInTree(element: Element, id: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/** The text an element contributes to a name from content: its children's, with alt text and nested labels. */
function contentText(node: Node, seen: Set<Node>, depth = 0): string {
  if (depth > 40) return '';
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  if (seen.has(element)) return '';
  seen.add(element);
  if (depth > 0) {
    if (isHiddenFromNames(element)) return '';
    // A nested control or image names itself.
    const label = normalizeSpace(element.getAttribute('aria-label'));
    if (label) return ` ${label} `;
    if (element.localName === 'img' || element.localName === 'area') return ` ${element.getAttribute('alt') ?? ''} `;
    if (element.localName === 'input') {
      const type = (element.getAttribute('type') ?? '').toLowerCase();
      if (type === 'button' || type === 'submit' || type === 'reset') return ` ${(element as HTMLInputElement).value} `;
    }
  }
  if (element.localName === 'script' || element.localName === 'style' || element.localName === 'template') return '';
  let children: Node[];
  if (element.localName === 'slot') {
    const assigned = (element as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
    children = assigned.length > 0 ? assigned : Array.from(element.childNodes);
  } else if (element.shadowRoot) {
    children = Array.from(element.shadowRoot.childNodes);
  } else {
    children = Array.from(element.childNodes);
  }
  const block = depth > 0 && isBlock(element);
  const inner = children.map((child) => contentText(child, seen, depth + 1)).join('');
  return block ? ` ${inner} ` : inner;
}

/** Block-level children are separate words ("<div>Due</div><div>Today</div>" is "Due Today"). */
function isBlock(element: Element): boolean {
  const display = element.ownerDocument.defaultView?.getComputedStyle(element).display ?? '';
  return display !== '' && !display.startsWith('inline') && display !== 'contents';
}

function labelsOf(element: Element): string {
  const labels = (element as HTMLInputElement).labels;
  const found: Element[] = labels ? Array.from(labels) : [];
  if (found.length === 0 && element.id) {
    const root = element.getRootNode() as Document | ShadowRoot;
    for (const label of Array.from(root.querySelectorAll?.('label[for]') ?? [])) {
      if (label.getAttribute('for') === element.id) found.push(label);
    }
  }
  // A label that both wraps its field and names it with for= is one label, not two.
  return normalizeSpace([...new Set(found)].map((label) => contentText(label, new Set([element]))).join(' '));
}

/** The accessible name of the element, whitespace collapsed ('' when it has none). */
export function accessibleName(element: Element): string {
  const labelledBy = normalizeSpace(element.getAttribute('aria-labelledby'));
  if (labelledBy) {
    const text = labelledBy
      .split(' ')
      .map((id) => byIdInTree(element, id))
      .filter((node): node is Element => node !== null)
      .map((node) => normalizeSpace(node.getAttribute('aria-label')) || contentText(node, new Set([element])))
      .join(' ');
    const name = normalizeSpace(text);
    if (name) return name;
  }
  const label = normalizeSpace(element.getAttribute('aria-label'));
  if (label) return label;
  const tag = element.localName;
  if (LABELABLE.has(tag)) {
    const fromLabel = labelsOf(element);
    if (fromLabel) return fromLabel;
    if (tag === 'input') {
      const type = (element.getAttribute('type') ?? '').toLowerCase();
      if (type === 'button' || type === 'submit' || type === 'reset') {
        const value = normalizeSpace((element as HTMLInputElement).value);
        if (value) return value;
      }
      if (type === 'image') {
        const alt = normalizeSpace(element.getAttribute('alt'));
        if (alt) return alt;
      }
    }
  }
  if (tag === 'img' || tag === 'area') {
    const alt = normalizeSpace(element.getAttribute('alt'));
    if (alt) return alt;
  }
  if (tag === 'fieldset' || tag === 'table' || tag === 'figure') {
    const caption = element.querySelector(
      tag === 'fieldset' ? ':scope > legend' : tag === 'table' ? ':scope > caption' : ':scope > figcaption',
    );
    const text = normalizeSpace(caption?.textContent);
    if (text) return text;
  }
  if (NAME_FROM_CONTENT.has(roleOf(element))) {
    const text = normalizeSpace(contentText(element, new Set()));
    if (text) return text;
  }
  return normalizeSpace(element.getAttribute('title')) || normalizeSpace(element.getAttribute('placeholder'));
}
