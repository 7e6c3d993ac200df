import { accessibleName } from './accessible';

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Shortens to `max` characters at a word boundary where there is one. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A label suggestion for a picked element: its accessible name, the one its role and name
 * locator uses, else what the older rules find (aria-label, aria-labelledby, its <label>,
 * title, alt, placeholder, button value, then its text). The coach edits it before saving.
 */
export function suggestLabel(element: Element, max = 80): string {
  const doc = element.ownerDocument;
  const attr = (name: string) => collapse(element.getAttribute(name));
  let name = '';
  try {
    name = accessibleName(element);
  } catch {
    name = '';
  }
  name ||= attr('aria-label');
  if (!name) {
    const ids = attr('aria-labelledby').split(' ').filter(Boolean);
    name = collapse(ids.map((id) => doc.getElementById(id)?.textContent ?? '').join(' '));
  }
  if (!name) {
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length > 0) name = collapse(labels[0]!.textContent);
  }
  if (!name && element.id) {
    const label = Array.from(doc.querySelectorAll('label[for]')).find((candidate) => candidate.getAttribute('for') === element.id);
    name = collapse(label?.textContent);
  }
  name ||= attr('title') || attr('alt') || attr('placeholder');
  if (!name && element.localName === 'input' && /^(?:button|submit|reset)$/i.test(attr('type'))) name = attr('value');
  name ||= collapse(element.textContent);
  return shorten(name, max);
}
