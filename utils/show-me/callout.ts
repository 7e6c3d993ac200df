import type { WalkAction, WalkStepView } from './types';

/**
 * The walkthrough's callout on the page: which step this is, the step's words (bold kept, the
 * rest of the Markdown as plain text, since card HTML is only ever made by the panel's
 * sanitiser), and Back, Skip, Next or Done, and End. Built with DOM calls and textContent
 * only: nothing in a card becomes markup on someone else's page.
 */

export interface TextPart {
  text: string;
  strong?: boolean;
  code?: boolean;
}

/** The step's Markdown as runs of plain, bold and code text; links keep their words, other marks go. */
export function stepTextParts(markdown: string): TextPart[] {
  const plain = markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  const parts: TextPart[] = [];
  const pattern = /\*\*(.+?)\*\*|__(.+?)__|`([^`]+)`/g;
  let last = 0;
  for (let match = pattern.exec(plain); match; match = pattern.exec(plain)) {
    if (match.index > last) parts.push({ text: plain.slice(last, match.index) });
    if (match[3] !== undefined) parts.push({ text: match[3], code: true });
    else parts.push({ text: match[1] ?? match[2] ?? '', strong: true });
    last = match.index + match[0].length;
  }
  if (last < plain.length) parts.push({ text: plain.slice(last) });
  // Single emphasis marks are not worth keeping on a page; drop the markers, keep the words.
  return parts.map((part) => (part.code ? part : { ...part, text: part.text.replace(/(^|\W)[*_]+|[*_]+(?=\W|$)/g, '$1') }));
}

export function stepPlainText(markdown: string): string {
  return stepTextParts(markdown)
    .map((part) => part.text)
    .join('');
}

export interface CalloutOptions {
  /** The step's control is not on the page (yet): say so under the step. */
  notFound?: boolean;
  onAction(action: WalkAction): void;
}

export function buildCallout(doc: Document, view: WalkStepView, options: CalloutOptions): HTMLElement {
  const box = doc.createElement('div');
  box.className = 'callout';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', view.strings.name);
  box.dir = 'auto';

  const count = doc.createElement('p');
  count.className = 'callout__count';
  count.textContent = view.strings.count;

  const text = doc.createElement('p');
  text.className = 'callout__text';
  for (const part of stepTextParts(view.text)) {
    if (part.strong || part.code) {
      const mark = doc.createElement(part.code ? 'code' : 'strong');
      mark.textContent = part.text;
      text.append(mark);
    } else text.append(doc.createTextNode(part.text));
  }
  box.append(count, text);

  if (options.notFound) {
    const note = doc.createElement('p');
    note.className = 'callout__note';
    note.textContent = view.strings.notFound;
    box.append(note);
  }

  const button = (label: string, action: WalkAction, className?: string, name?: string) => {
    const element = doc.createElement('button');
    element.type = 'button';
    element.textContent = label;
    if (className) element.className = className;
    if (name) element.setAttribute('aria-label', name);
    element.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      event.stopPropagation();
      options.onAction(action);
    });
    return element;
  };
  const actions = doc.createElement('div');
  actions.className = 'callout__actions';
  const last = view.index >= view.total - 1;
  if (view.index > 0) actions.append(button(view.strings.back, 'back'));
  if (!last) actions.append(button(view.strings.skip, 'skip'));
  actions.append(last ? button(view.strings.done, 'done', 'callout__primary') : button(view.strings.next, 'next', 'callout__primary'));
  box.append(actions, button('×', 'done', 'callout__end', view.strings.end));

  // Read out once when it appears; the buttons stay where a keyboard user can reach them.
  const live = doc.createElement('p');
  live.className = 'callout__live';
  live.setAttribute('role', 'status');
  box.append(live);
  const spoken = `${view.strings.count}: ${stepPlainText(view.text)}${options.notFound ? ` ${view.strings.notFound}` : ''}`;
  // Set after insertion so that the region announces its change.
  setTimeout(() => {
    live.textContent = spoken;
  }, 50);
  return box;
}
