import { stemWord, STOP_WORDS } from './text-terms';
import { queryWords } from './tokenize';

/**
 * Words teachers use for the same thing. Each group is matched in both directions; a member may
 * be a phrase ("due date"). Stems are applied at load, so list base forms.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['grade', 'mark', 'score'],
  ['video', 'clip', 'movie', 'film'],
  ['quiz', 'test', 'assessment', 'exam'],
  ['assignment', 'task', 'homework'],
  ['student', 'learner', 'pupil', 'kid'],
  ['delete', 'remove', 'erase', 'trash'],
  ['share', 'send'],
  ['rubric', 'criteria', 'criterion'],
  ['comment', 'feedback'],
  ['announcement', 'announce', 'post'],
  ['copy', 'duplicate', 'clone'],
  ['due date', 'deadline'],
  ['submit', 'submission', 'turn in', 'hand in', 'turn it in', 'hand it in'],
  ['embed', 'insert'],
  ['link', 'url'],
  ['text', 'txt'],
  ['image', 'picture', 'photo'],
  ['class', 'course'],
  ['parent', 'guardian', 'family'],
  ['email', 'mail'],
  ['calendar', 'schedule'],
  ['late', 'overdue'],
  ['sign in', 'log in', 'login'],
  ['discussion', 'forum', 'thread'],
  ['audio', 'voice', 'sound'],
  ['accommodation', 'extra time', 'extension'],
  ['co-teacher', 'coteacher', 'co teacher'],
  ['hide', 'unpublish'],
  ['mute', 'silence'],
  ['archive', 'end of year'],
];

/** The longest phrase in the groups, in words: how far the query parser looks for one. */
export const MAX_PHRASE_WORDS = 3;

export interface SynonymTable {
  /** Stem → alternatives, each a list of stems (more than one for a phrase, stop words left out). */
  single: Map<string, string[][]>;
  /** "due dat" (stems of every word, joined by a space) → single-stem alternatives. */
  phrases: Map<string, string[]>;
}

export function buildSynonymTable(groups: readonly (readonly string[])[]): SynonymTable {
  const single = new Map<string, string[][]>();
  const phrases = new Map<string, string[]>();
  for (const group of groups) {
    const members = group.map((phrase) => {
      const words = queryWords(phrase);
      return { key: words.map(stemWord).join(' '), words, content: words.filter((word) => !STOP_WORDS.has(word)).map(stemWord) };
    });
    for (const member of members) {
      const others = members.filter((other) => other.key !== member.key);
      if (member.words.length === 1) {
        const list = single.get(member.key) ?? [];
        // "turn in" without its stop word is just "turn": a phrase must keep two words to count.
        for (const other of others) if (other.words.length === 1 || other.content.length > 1) list.push(other.content);
        single.set(member.key, list);
      } else {
        const list = phrases.get(member.key) ?? [];
        for (const other of others) if (other.words.length === 1) list.push(other.key);
        phrases.set(member.key, list);
      }
    }
  }
  return { single, phrases };
}

export const SYNONYMS = buildSynonymTable(SYNONYM_GROUPS);
