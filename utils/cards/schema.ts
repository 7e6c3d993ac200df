import { z } from 'zod';

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
  urlLength: 2_048,
} as const;

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const TOOL_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const LANG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

const id = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.idLength, `must be at most ${LIMITS.idLength} characters`)
  .regex(ID_PATTERN, 'must be lowercase letters, digits, ".", "_" or "-", starting with a letter or digit');

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

const isoDate = z
  .string()
  .regex(DATE_PATTERN, 'must be a date written YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real calendar date');

/** Only web links: no javascript:, data:, file: or other schemes a card could abuse. */
export const webUrl = z
  .string()
  .max(LIMITS.urlLength, `must be at most ${LIMITS.urlLength} characters`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be a full http(s) link, for example https://example.com/help');

export const LINK_KINDS = ['video', 'article', 'help'] as const;
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

export const linkSchema = z.object({
  title: text(200),
  url: webUrl,
  kind: z.enum(LINK_KINDS, { error: `must be one of ${LINK_KINDS.join(', ')}` }),
});

/** "Show me": page elements a step points at, most specific selector first. */
export const stepTargetSchema = z.object({
  step: z.number().int().min(0, 'must be a step index (0 or more)'),
  selectors: z.array(z.string().min(1).max(500)).min(1, 'needs at least one CSS selector').max(5),
  label: z.string().trim().max(80).optional(),
});

export const cardSchema = z
  .object({
    id,
    title: text(LIMITS.titleLength),
    summary: text(LIMITS.summaryLength),
    steps: z
      .array(text(LIMITS.stepLength))
      .min(1, 'needs at least one step')
      .max(LIMITS.maxSteps, `must have at most ${LIMITS.maxSteps} steps`),
    tools: z
      .array(z.string().regex(TOOL_ID_PATTERN, 'must be a tool id in kebab-case, for example "google-classroom"'))
      .min(1, 'needs at least one tool id'),
    contexts: z.array(z.string().regex(TOOL_ID_PATTERN, 'must be a context id in kebab-case, for example "speedgrader"')),
    tags: z
      .array(z.string().trim().min(1, 'must not be empty').max(LIMITS.tagLength, `must be at most ${LIMITS.tagLength} characters`))
      .max(LIMITS.maxTags, `must have at most ${LIMITS.maxTags} tags`),
    level: z.enum(LEVELS, { error: `must be one of ${LEVELS.join(', ')}` }),
    links: z.array(linkSchema).max(LIMITS.maxLinks, `must have at most ${LIMITS.maxLinks} links`),
    lang: z.string().regex(LANG_PATTERN, 'must be a language tag such as "en" or "es-MX"').optional(),
    /** Cards update in place when a pack brings a higher version of the same id. */
    version: z.number().int().min(1, 'must be 1 or more').optional(),
    reviewBy: isoDate.optional(),
    updatedAt: isoDate.optional(),
    targets: z.array(stepTargetSchema).max(LIMITS.maxSteps).optional(),
  })
  .superRefine((card, ctx) => {
    card.targets?.forEach((target, index) => {
      if (target.step >= card.steps.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', index, 'step'],
          message: `must point at an existing step (0 to ${card.steps.length - 1})`,
        });
      }
    });
  });

export const packSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(PACK_SCHEMA_VERSION, { error: `must be ${PACK_SCHEMA_VERSION}` }),
    id,
    name: text(120),
    version: z
      .string()
      .regex(/^\d+(?:\.\d+){0,3}$/, 'must be a version such as "1.4.0" or "2026.11.1"'),
    description: z.string().trim().max(1_000).optional(),
    lang: z.string().regex(LANG_PATTERN, 'must be a language tag such as "en" or "es-MX"').optional(),
    cards: z.array(cardSchema).max(LIMITS.maxCards, `must have at most ${LIMITS.maxCards} cards`),
  })
  .superRefine((pack, ctx) => {
    const seen = new Map<string, number>();
    pack.cards.forEach((card, index) => {
      const first = seen.get(card.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['cards', index, 'id'],
          message: `duplicates the id of cards[${first}] ("${card.id}")`,
        });
      } else seen.set(card.id, index);
    });
  });

export type Card = z.infer<typeof cardSchema>;
export type CardLink = z.infer<typeof linkSchema>;
export type StepTarget = z.infer<typeof stepTargetSchema>;
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
