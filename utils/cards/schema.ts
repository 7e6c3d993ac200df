import { z } from 'zod';
import { checkCardLink, type CardLinkProblem } from './link-rule';
import { TRANSLATION_TAG_PREFIX } from './language';

/**
 * The card pack format: one schema that drives validation (parsePack), the TypeScript types
 * and the published JSON Schema (public/pack.schema.json). Packs are shared between districts
 * as plain JSON files, so field names here are a public format: add optional fields, never
 * rename.
 */

export const PACK_SCHEMA_VERSION = 1;
export const LIMITS = {
  /** Files above this size are refused before parsing. */
  maxFileBytes: 20 * 1024 * 1024,
  maxCards: 20_000,
  idLength: 120,
  titleLength: 140,
  summaryLength: 400,
  stepLength: 1_500,
  maxSteps: 15,
  maxLinks: 10,
  maxTags: 20,
  tagLength: 40,
  maxTools: 20,
  maxContexts: 50,
  toolIdLength: 60,
  urlLength: 2_048,
} as const;

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const TOOL_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const LANG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const VERSION_PATTERN = /^\d+(?:\.\d+){0,3}$/;

/** Error messages say what is expected and, for limits, what was found. */
const lengthOf = (input: unknown) => (typeof input === 'string' || Array.isArray(input) ? input.length : 0);
const atMostChars = (max: number) => ({
  error: (issue: { input?: unknown }) => `must be at most ${max} characters (it has ${lengthOf(issue.input)})`,
});
const shown = (input: unknown) => {
  const text = JSON.stringify(input) ?? String(input);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};
const oneOf = (values: readonly string[]) => ({
  error: (issue: { input?: unknown }) => `must be one of ${values.join(', ')}, not ${shown(issue.input)}`,
});
const atMostItems = (max: number, noun: string) => ({
  error: (issue: { input?: unknown }) => `must have at most ${max} ${noun} (it has ${lengthOf(issue.input)})`,
});

const id = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.idLength, atMostChars(LIMITS.idLength))
  .regex(ID_PATTERN, 'must be lowercase letters, digits, ".", "_" or "-", starting with a letter or digit');

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, atMostChars(max));

const langTag = z.string().regex(LANG_PATTERN, 'must be a language tag such as "en" or "es-MX"');

/** A real calendar day: Date.parse alone accepts 2026-02-30. Other shapes fail the pattern. */
function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return true;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDate = z
  .string()
  .regex(DATE_PATTERN, 'must be a date written YYYY-MM-DD, for example "2026-09-01"')
  .refine(isCalendarDate, 'must be a real calendar date');

/**
 * Card links: https only, as the pack format promises, under the card link rule (link-rule.ts)
 * that step Markdown follows too. No javascript:, data:, file: or other schemes a card could
 * abuse, no relative links (they would resolve inside the extension), and no user name or
 * password, which is how look-alike links are dressed up ("https://canvas.instructure.com@evil.example").
 */
const LINK_PROBLEMS: Record<CardLinkProblem, string> = {
  'not-https': 'must be a full https link, for example https://example.com/help',
  invalid: 'is not a valid link (check for spaces or a missing host name)',
  credentials: 'must not contain a user name or password before the host',
};

const linkUrl = z
  .string()
  .max(LIMITS.urlLength, atMostChars(LIMITS.urlLength))
  // The pattern also goes into the JSON Schema, so editors flag other schemes as well.
  .regex(/^https:\/\//, LINK_PROBLEMS['not-https'])
  .superRefine((value, ctx) => {
    if (!value.startsWith('https://')) return;
    const check = checkCardLink(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: LINK_PROBLEMS[check.problem] });
  });

/**
 * A translation names its original with a tag, "translation-of:<card id>" (see language.ts): as
 * long as the id it names may be, unlike the words teachers search for.
 */
const tag = text(TRANSLATION_TAG_PREFIX.length + LIMITS.idLength).superRefine((value, ctx) => {
  const limit = value.startsWith(TRANSLATION_TAG_PREFIX) ? TRANSLATION_TAG_PREFIX.length + LIMITS.idLength : LIMITS.tagLength;
  if (value.length > limit) ctx.addIssue({ code: 'custom', message: `must be at most ${limit} characters (it has ${value.length})` });
});

/** "<pack id>/<card id>": how one card names another, in `replaces`. */
export const cardReference = z
  .string()
  .max(LIMITS.idLength * 2 + 1, atMostChars(LIMITS.idLength * 2 + 1))
  .regex(
    /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/,
    'must name a card as "<pack id>/<card id>", for example "coachmark-starter/canvas-create-rubric"',
  );

export const LINK_KINDS = ['video', 'article', 'help'] as const;
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

export const linkSchema = z.object({
  title: text(200).describe('What the teacher sees as the link text.'),
  url: linkUrl.describe('A full https link.'),
  kind: z.enum(LINK_KINDS, oneOf(LINK_KINDS)).describe('What the link opens: a video, an article or a help page.'),
});

/**
 * How "show me" finds an element: by what a person or a screen reader sees (a role and its
 * accessible name, visible text), by attributes pages keep for tests and assistive technology
 * (data-testid, aria-label, id), and only then by CSS. Exactly one kind per locator.
 */
export const LOCATOR_KINDS = ['role', 'text', 'testId', 'ariaLabel', 'id', 'css'] as const;
export const NAME_MATCHES = ['exact', 'start', 'contains'] as const;

const locatorText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, atMostChars(max));
const ROLE_PATTERN = /^[a-z]+$/;

const locatorFields = {
  role: locatorText(40)
    .regex(ROLE_PATTERN, 'must be an ARIA role in lowercase, for example "button" or "menuitem"')
    .optional()
    .describe('ARIA role of the element, explicit or implied by its tag: "button", "link", "menuitem", "tab"…'),
  name: locatorText(200).optional().describe('With role: the accessible name, as a screen reader reads it ("View Rubric").'),
  text: locatorText(200).optional().describe('Visible text of the element, including text in nested elements.'),
  testId: locatorText(200).optional().describe('Value of the element’s data-testid attribute.'),
  ariaLabel: locatorText(200).optional().describe('Value of the element’s aria-label attribute.'),
  id: locatorText(200).optional().describe('The element’s id attribute.'),
  css: locatorText(500).optional().describe('A CSS selector: the fallback, since generated class names change.'),
  match: z
    .enum(NAME_MATCHES, oneOf(NAME_MATCHES))
    .optional()
    .describe('How name, text and ariaLabel compare (ignoring case and spacing): "exact" (the default), "start" or "contains".'),
};

/** Which kinds a locator object uses; a valid locator uses exactly one. */
export function locatorKinds(locator: Partial<Record<(typeof LOCATOR_KINDS)[number], unknown>>): string[] {
  return LOCATOR_KINDS.filter((kind) => locator[kind] !== undefined);
}

function refineLocator(locator: { role?: string; name?: string; match?: string }, ctx: z.RefinementCtx): void {
  const kinds = locatorKinds(locator);
  if (kinds.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message:
        kinds.length === 0
          ? `needs one of ${LOCATOR_KINDS.join(', ')}`
          : `uses ${kinds.join(' and ')}; a locator uses exactly one of ${LOCATOR_KINDS.join(', ')} (list another locator for the next way to find it)`,
    });
  }
  if (locator.name !== undefined && locator.role === undefined) {
    ctx.addIssue({ code: 'custom', path: ['name'], message: 'goes with role (for example { "role": "button", "name": "Save" })' });
  }
}

/** The container a locator searches in, when its label repeats on the page (each module has an "Edit"). */
export const containerLocatorSchema = z.object(locatorFields).superRefine(refineLocator);

export const locatorSchema = z
  .object({
    ...locatorFields,
    within: containerLocatorSchema.optional().describe('Only look inside the element this finds (any kind but within).'),
  })
  .superRefine(refineLocator);

/** "Show me": page elements a step points at, tried in order; the first visible match wins. */
export const stepTargetSchema = z
  .object({
    step: z.number().int().min(0, 'must be a step index (0 or more)').describe('Index of the step in steps, from 0.'),
    locate: z
      .array(locatorSchema)
      .min(1, 'needs at least one locator')
      .max(6, atMostItems(6, 'locators'))
      .optional()
      .describe('Ways to find the element, most robust first: role and name, text, stable attributes, CSS.'),
    selectors: z
      .array(z.string().trim().min(1, 'must not be empty').max(500, atMostChars(500)))
      .min(1, 'needs at least one CSS selector')
      .max(5, atMostItems(5, 'selectors'))
      .optional()
      .describe('CSS selectors of the element, most specific first; tried after locate.'),
    label: z.string().trim().max(80, atMostChars(80)).optional().describe('Short text shown next to the highlight.'),
    source: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(300, atMostChars(300))
      .optional()
      .describe('Where the control’s label was checked: a vendor help article or source file.'),
  })
  .superRefine((target, ctx) => {
    if (!target.locate && !target.selectors) {
      ctx.addIssue({ code: 'custom', message: 'needs locate or selectors: the ways to find the element' });
    }
  });

export const cardSchema = z
  .object({
    id: id.describe('Unique within the pack; keep it when you edit the card so updates replace it.'),
    title: text(LIMITS.titleLength).describe('The task, as a teacher would say it ("Reuse a rubric").'),
    summary: text(LIMITS.summaryLength).describe('One or two sentences: what the card helps with.'),
    steps: z
      .array(text(LIMITS.stepLength))
      .min(1, 'needs at least one step')
      .max(LIMITS.maxSteps, atMostItems(LIMITS.maxSteps, 'steps'))
      .describe('The steps, in order; each is Markdown.'),
    tools: z
      .array(
        z
          .string()
          .max(LIMITS.toolIdLength, atMostChars(LIMITS.toolIdLength))
          .regex(TOOL_ID_PATTERN, 'must be a tool id in kebab-case, for example "google-classroom"'),
      )
      .min(1, 'needs at least one tool id')
      .max(LIMITS.maxTools, atMostItems(LIMITS.maxTools, 'tools'))
      .describe('Ids of the tools the card is for, such as "canvas" or "google-classroom".'),
    contexts: z
      .array(
        z
          .string()
          .max(LIMITS.toolIdLength, atMostChars(LIMITS.toolIdLength))
          .regex(TOOL_ID_PATTERN, 'must be a context id in kebab-case, for example "speedgrader"'),
      )
      .max(LIMITS.maxContexts, atMostItems(LIMITS.maxContexts, 'contexts'))
      .describe('Ids of the parts of those tools where the card applies, such as "speedgrader"; empty for anywhere in the tool.'),
    tags: z.array(tag).max(LIMITS.maxTags, atMostItems(LIMITS.maxTags, 'tags')).describe('Words teachers might search for.'),
    level: z.enum(LEVELS, oneOf(LEVELS)).describe('How much the card assumes the teacher already knows.'),
    links: z
      .array(linkSchema)
      .max(LIMITS.maxLinks, atMostItems(LIMITS.maxLinks, 'links'))
      .describe('Tutorials and help pages for more depth.'),
    lang: langTag.optional().describe('Language of the card when it differs from the pack, such as "es".'),
    /** Cards update in place when a pack brings a higher version of the same id. */
    version: z.number().int().min(1, 'must be 1 or more').optional().describe('Raise it when the card changes.'),
    reviewBy: isoDate.optional().describe('When the card should be checked against the tool again (YYYY-MM-DD).'),
    updatedAt: isoDate.optional().describe('When the card last changed (YYYY-MM-DD).'),
    verifiedAt: isoDate.optional().describe('When the card was last checked, step by step, against the vendor’s own article (YYYY-MM-DD).'),
    source: linkUrl
      .optional()
      .describe(
        'What the card was checked against: the vendor’s help article, or for an open-source tool its source file (a full https link).',
      ),
    replaces: cardReference
      .optional()
      .describe(
        'Shows this card instead of another pack’s card, written "<pack id>/<card id>" (for example "coachmark-starter/canvas-create-rubric"). Delete this card and the other one comes back.',
      ),
    targets: z
      .array(stepTargetSchema)
      .max(LIMITS.maxSteps, atMostItems(LIMITS.maxSteps, 'targets'))
      .optional()
      .describe('"Show me" highlights: page elements a step points at.'),
  })
  .superRefine((card, ctx) => {
    card.targets?.forEach((target, index) => {
      if (target.step >= card.steps.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', index, 'step'],
          message: `must point at an existing step (0 to ${card.steps.length - 1}), not ${target.step}`,
        });
      }
    });
  });

export const packSchema = z
  .object({
    /** Lets editors find the JSON Schema; not used by Coachmark. */
    $schema: z.string().optional().describe('Where editors find this JSON Schema; ignored by Coachmark.'),
    schemaVersion: z
      .literal(PACK_SCHEMA_VERSION, {
        error: (issue) =>
          typeof issue.input === 'number' && issue.input > PACK_SCHEMA_VERSION
            ? `is ${issue.input}, newer than this version of Coachmark reads (${PACK_SCHEMA_VERSION}); update the extension`
            : `must be ${PACK_SCHEMA_VERSION}`,
      })
      .describe('The version of this file format.'),
    id: id.describe('Identifies the pack, for example "district-canvas-basics".'),
    name: text(120).describe('The name coaches and teachers see.'),
    version: z
      .string()
      .regex(VERSION_PATTERN, 'must be a version such as "1.4.0" or "2026.11.1"')
      .describe('Raise it with every release, so that installs can tell which copy is newer.'),
    description: z.string().trim().max(1_000, atMostChars(1_000)).optional().describe('What the pack covers and who keeps it.'),
    lang: langTag.optional().describe('Language of the cards, such as "en" or "es-MX".'),
    cards: z.array(cardSchema).max(LIMITS.maxCards, atMostItems(LIMITS.maxCards, 'cards')).describe('The how-to cards.'),
  })
  .superRefine((pack, ctx) => {
    const seen = new Map<string, number>();
    pack.cards.forEach((card, index) => {
      const first = seen.get(card.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['cards', index, 'id'],
          message: `duplicates the id of cards[${first}] ("${card.id}"); card ids must be unique in a pack`,
        });
      } else seen.set(card.id, index);
      if (card.replaces?.startsWith(`${pack.id}/`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['cards', index, 'replaces'],
          message: `names a card of this same pack ("${card.replaces}"); replaces is for another pack's card (leave this pack's own card out instead)`,
        });
      }
    });
  });

export type Card = z.infer<typeof cardSchema>;
export type CardLink = z.infer<typeof linkSchema>;
export type StepTarget = z.infer<typeof stepTargetSchema>;
export type Locator = z.infer<typeof locatorSchema>;
export type ContainerLocator = z.infer<typeof containerLocatorSchema>;
export type Pack = z.infer<typeof packSchema>;
export type Level = (typeof LEVELS)[number];
export type LinkKind = (typeof LINK_KINDS)[number];

/** Compares dotted versions numerically ("1.10.0" > "1.9.3"). */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
