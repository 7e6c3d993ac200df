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
 * A label suggestion for a picked element: its accessible name (the one its role and name
 * locator uses), else its text for an element whose role takes no name from it. The coach
 * edits it before saving.
 */
export function suggestLabel(element: Element, max = 80): string {
  return shorten(accessibleName(element) || collapse(element.textContent), max);
}
