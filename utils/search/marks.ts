import { wordMatches, type MatchTerms } from './text-terms';

/**
 * Marking the words a search matched, without ever turning card text into HTML: plain text is
 * split into parts for the UI to wrap in <mark>, and already-rendered (sanitised) HTML has its
 * text nodes split with DOM calls. Words are read by the analyser the terms came from
 * (`matchTerms.language`): a Spanish search marks "calificaciones" for "calificar".
 */

export interface TextPart {
  text: string;
  hit: boolean;
}

// Words with inner apostrophes or hyphens stay whole, so "co-teacher" can match as one word.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-‐][\p{L}\p{N}\p{M}]+)*/gu;
const WORD_PARTS = /[-‐]|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;

/** Character ranges [start, end) of the matched words (or matched parts of compound words). */
export function markRanges(text: string, matchTerms: MatchTerms): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (matchTerms.terms.length === 0 && matchTerms.prefixes.length === 0) return ranges;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index ?? 0;
    if (wordMatches(word, matchTerms)) {
      ranges.push([start, start + word.length]);
      continue;
    }
    // "SpeedGrader" for "grader", "co-teacher" for "teacher": mark the part that matched.
    let offset = 0;
    for (const part of word.split(WORD_PARTS)) {
      const at = word.indexOf(part, offset);
      offset = at + part.length;
      if (part && part !== word && wordMatches(part, matchTerms)) ranges.push([start + at, start + at + part.length]);
    }
  }
  return ranges;
}

/** The text split into plain and matched parts, in order; joined, they are the text again. */
export function splitMarks(text: string, matchTerms: MatchTerms | undefined): TextPart[] {
  if (!matchTerms || !text) return text ? [{ text, hit: false }] : [];
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const [start, end] of markRanges(text, matchTerms)) {
    if (start > cursor) parts.push({ text: text.slice(cursor, start), hit: false });
    const previous = parts[parts.length - 1];
    // Neighbouring marks separated by nothing become one.
    if (previous?.hit && start === cursor) previous.text += text.slice(start, end);
    else parts.push({ text: text.slice(start, end), hit: true });
    cursor = end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), hit: false });
  return parts;
}

const MARK_ATTRIBUTE = 'data-search-hit';

/** Removes marks added by markMatches, joining the text back together. */
export function clearMarks(root: Element): void {
  for (const mark of Array.from(root.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    parent.replaceChild(mark.ownerDocument.createTextNode(mark.textContent ?? ''), mark);
    parent.normalize();
  }
}

/**
 * Wraps the matched words inside `root` in <mark>, splitting text nodes with DOM calls only
 * (the text is never parsed as HTML). Code and existing marks are left alone. Returns how many
 * words were marked.
 */
export function markMatches(root: Element, matchTerms: MatchTerms | undefined): number {
  if (!matchTerms) return 0;
  const doc = root.ownerDocument;
  const textNodes: Text[] = [];
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = (node as Text).parentElement;
    if (parent && parent.closest('mark, code, pre, kbd')) continue;
    textNodes.push(node as Text);
  }
  let count = 0;
  for (const node of textNodes) {
    const text = node.data;
    const parts = splitMarks(text, matchTerms);
    if (!parts.some((part) => part.hit)) continue;
    const fragment = doc.createDocumentFragment();
    for (const part of parts) {
      if (!part.hit) {
        fragment.appendChild(doc.createTextNode(part.text));
        continue;
      }
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, '');
      mark.textContent = part.text;
      fragment.appendChild(mark);
      count++;
    }
    node.parentNode?.replaceChild(fragment, node);
  }
  return count;
}
