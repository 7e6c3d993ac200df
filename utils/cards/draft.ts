import { cardSchema, type Card, type CardLink, type Level, type StepTarget } from './schema';

/**
 * A card being written in the studio: the form's values, which may be invalid at any moment.
 * Validation is the pack format's own card schema, so a card that saves is a card any
 * Coachmark can import.
 */
export interface CardDraft {
  id: string;
  title: string;
  summary: string;
  steps: string[];
  tools: string[];
  contexts: string[];
  /** As typed: comma-separated. */
  tags: string;
  level: Level;
  links: CardLink[];
  /** YYYY-MM-DD or empty. */
  reviewBy: string;
  /** A language tag ("es"), or empty for the pack's language. */
  lang: string;
  /** Fields the form does not edit, carried through so that saving never drops them. */
  targets?: StepTarget[];
  replaces?: string;
  verifiedAt?: string;
  source?: string;
  version?: number;
  updatedAt?: string;
}

export function newDraft(place: { tool?: string | null; context?: string | null } = {}): CardDraft {
  return {
    id: '',
    title: '',
    summary: '',
    steps: [''],
    tools: place.tool ? [place.tool] : [],
    contexts: place.tool && place.context ? [place.context] : [],
    tags: '',
    level: 'beginner',
    links: [],
    reviewBy: '',
    lang: '',
  };
}

export function draftFromCard(card: Card): CardDraft {
  return {
    id: card.id,
    title: card.title,
    summary: card.summary,
    steps: [...card.steps],
    tools: [...card.tools],
    contexts: [...card.contexts],
    tags: card.tags.join(', '),
    level: card.level,
    links: card.links.map((link) => ({ ...link })),
    reviewBy: card.reviewBy ?? '',
    lang: card.lang ?? '',
    targets: card.targets?.map((target) => structuredClone(target)),
    replaces: card.replaces,
    verifiedAt: card.verifiedAt,
    source: card.source,
    version: card.version,
    updatedAt: card.updatedAt,
  };
}

/** The draft as a card-shaped value, before validation. */
function cardValueFromDraft(draft: CardDraft): Record<string, unknown> {
  const value: Record<string, unknown> = {
    id: draft.id.trim(),
    title: draft.title,
    summary: draft.summary,
    steps: draft.steps,
    tools: draft.tools,
    contexts: draft.contexts,
    tags: splitTags(draft.tags),
    level: draft.level,
    links: draft.links.map((link) => ({ title: link.title, url: link.url.trim(), kind: link.kind })),
  };
  if (draft.lang.trim()) value.lang = draft.lang.trim();
  if (draft.version !== undefined) value.version = draft.version;
  if (draft.reviewBy.trim()) value.reviewBy = draft.reviewBy.trim();
  if (draft.updatedAt) value.updatedAt = draft.updatedAt;
  if (draft.targets && draft.targets.length > 0) value.targets = draft.targets;
  if (draft.replaces) value.replaces = draft.replaces;
  if (draft.verifiedAt) value.verifiedAt = draft.verifiedAt;
  if (draft.source) value.source = draft.source;
  return value;
}

export function splitTags(text: string): string[] {
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** One problem with a field, keyed like the form: "title", "steps.2", "links.0.url". */
export interface DraftIssue {
  field: string;
  code: string;
  /** For length and count limits. */
  limit?: number;
  /** The schema's own words, for anything the studio has no translation for. */
  message: string;
}

export type DraftCheck = { ok: true; card: Card; issues: [] } | { ok: false; issues: DraftIssue[] };

/** Validates with the pack schema's card; one issue per field, the first. */
export function validateDraft(draft: CardDraft): DraftCheck {
  const result = cardSchema.safeParse(cardValueFromDraft(draft));
  if (result.success) return { ok: true, card: result.data, issues: [] };
  const issues: DraftIssue[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    const bound = 'maximum' in issue ? issue.maximum : 'minimum' in issue ? issue.minimum : undefined;
    issues.push({
      field,
      code: issue.code === 'too_big' || issue.code === 'too_small' ? `${issue.code}:${'origin' in issue ? issue.origin : ''}` : issue.code,
      limit: typeof bound === 'number' ? bound : undefined,
      message: issue.message,
    });
  }
  return { ok: false, issues };
}

/** The problem with one field, if any. */
export function issueFor(issues: readonly DraftIssue[], field: string): DraftIssue | undefined {
  return issues.find((issue) => issue.field === field);
}

/** A card id from a title: lowercase words joined by dashes, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '') // "school's" → "schools", not "school-s"
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const root = base || 'card';
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

// ---------------------------------------------------------------------------------------------
// Step edits that keep "show me" targets pointing at the same steps.

export function addStep(draft: CardDraft): CardDraft {
  return { ...draft, steps: [...draft.steps, ''] };
}

export function removeStep(draft: CardDraft, index: number): CardDraft {
  const steps = draft.steps.filter((_, i) => i !== index);
  const targets = draft.targets
    ?.filter((target) => target.step !== index)
    .map((target) => (target.step > index ? { ...target, step: target.step - 1 } : target));
  return { ...draft, steps, targets };
}

export function moveStep(draft: CardDraft, from: number, to: number): CardDraft {
  if (to < 0 || to >= draft.steps.length || from === to) return draft;
  const steps = [...draft.steps];
  const [moved] = steps.splice(from, 1);
  steps.splice(to, 0, moved!);
  // Where each old index ends up after the move.
  const order = draft.steps.map((_, i) => i);
  order.splice(to, 0, order.splice(from, 1)[0]!);
  const newIndex = new Map(order.map((oldIndex, position) => [oldIndex, position]));
  const targets = draft.targets?.map((target) => ({ ...target, step: newIndex.get(target.step) ?? target.step }));
  return { ...draft, steps, targets };
}

/** Sets (or, with null, removes) the "show me" target of one step. */
export function setStepTarget(draft: CardDraft, step: number, target: Omit<StepTarget, 'step'> | null): CardDraft {
  const others = (draft.targets ?? []).filter((existing) => existing.step !== step);
  const targets = target ? [...others, { ...target, step }].sort((a, b) => a.step - b.step) : others;
  return { ...draft, targets };
}
