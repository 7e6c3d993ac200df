import { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import type { Mentor } from '../platform/db';
import { ENDPOINT_FORMATS, type EndpointFormat } from '../endpoints/types';
import { formatIssues, formatPath, readJsonText } from '../platform/json-file';
import { validatePackUrl } from '../cards/subscriptions';
import { isMentionHandle } from '../help-requests/help-request';
import { KNOWN_TOOL_IDS } from '../tools/catalog';

/**
 * The mentor directory a district publishes (settings key `mentorDirectoryUrl`): one JSON file
 * that every teacher's extension keeps in sync, so that a ping about a tool mentions the
 * school's mentors for it without each teacher typing them in. Its field names are a public
 * format (docs/deployment.md): add optional fields, never rename.
 */

export const MENTOR_DIRECTORY_SCHEMA_VERSION = 1;
export const DIRECTORY_LIMITS = {
  /** A directory of thousands of mentors is well under this; packs may be 20 MB, a directory need not. */
  maxFileBytes: 1024 * 1024,
  maxMentors: 5_000,
  idLength: 120,
  nameLength: 200,
  handleLength: 200,
  maxTools: 100,
  toolIdLength: 60,
} as const;

const WHAT_A_DIRECTORY_IS = 'a JSON object with schemaVersion and mentors';

const lengthOf = (input: unknown) => (typeof input === 'string' || Array.isArray(input) ? input.length : 0);
const atMost = (max: number, noun: string) => ({
  error: (issue: { input?: unknown }) => `must have at most ${max} ${noun} (it has ${lengthOf(issue.input)})`,
});
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, atMost(max, 'characters'));

/** An empty handle is as good as none: spreadsheets exported to JSON write "" for a blank cell. */
const handle = z.string().trim().max(DIRECTORY_LIMITS.handleLength, atMost(DIRECTORY_LIMITS.handleLength, 'characters'));

const handlesSchema = z.object(
  Object.fromEntries(ENDPOINT_FORMATS.map((format) => [format, handle.optional()])) as Record<EndpointFormat, z.ZodOptional<typeof handle>>,
);

export const directoryMentorSchema = z.object({
  /** Stable within the directory, so that a renamed mentor stays the same mentor. */
  id: text(DIRECTORY_LIMITS.idLength),
  name: text(DIRECTORY_LIMITS.nameLength),
  handles: handlesSchema.default({}),
  tools: z
    .array(text(DIRECTORY_LIMITS.toolIdLength))
    .min(1, 'must list at least one tool id, for example "canvas"')
    .max(DIRECTORY_LIMITS.maxTools, atMost(DIRECTORY_LIMITS.maxTools, 'tools')),
});

export const mentorDirectorySchema = z
  .object({
    schemaVersion: z.literal(MENTOR_DIRECTORY_SCHEMA_VERSION, {
      error: (issue) => `must be ${MENTOR_DIRECTORY_SCHEMA_VERSION}, not ${JSON.stringify(issue.input)}`,
    }),
    mentors: z.array(directoryMentorSchema).max(DIRECTORY_LIMITS.maxMentors, atMost(DIRECTORY_LIMITS.maxMentors, 'mentors')),
  })
  .superRefine((directory, context) => {
    const first = new Map<string, number>();
    directory.mentors.forEach((mentor, index) => {
      const earlier = first.get(mentor.id);
      if (earlier === undefined) first.set(mentor.id, index);
      else
        context.addIssue({
          code: 'custom',
          path: ['mentors', index, 'id'],
          message: `"${mentor.id}" is already the id of mentors[${earlier}]; ids must be unique`,
        });
    });
  });

export type DirectoryMentor = z.infer<typeof directoryMentorSchema>;
export type MentorDirectory = z.infer<typeof mentorDirectorySchema>;

export type ParseDirectoryResult = { ok: true; directory: MentorDirectory; warnings: string[] } | { ok: false; errors: string[] };

/**
 * Validates a mentor directory: the file's text (syntax errors carry line and column) or an
 * already-parsed value. Never throws; every error starts with the path of the bad field, as
 * parsePack's do. Warnings (unknown tools or fields, handles that cannot mention) never stop
 * the directory from loading.
 */
export function parseMentorDirectory(input: unknown): ParseDirectoryResult {
  try {
    return parseUnsafe(input);
  } catch (error) {
    return { ok: false, errors: [`directory: could not be read (${String(error)})`] };
  }
}

function parseUnsafe(input: unknown): ParseDirectoryResult {
  let value = input;
  if (typeof input === 'string') {
    const bytes = new TextEncoder().encode(input).byteLength;
    if (bytes > DIRECTORY_LIMITS.maxFileBytes) {
      return {
        ok: false,
        errors: [`file: is ${bytes} bytes, over the ${DIRECTORY_LIMITS.maxFileBytes} byte limit for a mentor directory`],
      };
    }
    const read = readJsonText(input, `a mentor directory is ${WHAT_A_DIRECTORY_IS}`);
    if (!read.ok) return read;
    value = read.value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: [`directory: must be ${WHAT_A_DIRECTORY_IS}, not ${Array.isArray(value) ? 'an array' : typeof value}`] };
  }
  const mentors = (value as { mentors?: unknown }).mentors;
  if (Array.isArray(mentors) && mentors.length > DIRECTORY_LIMITS.maxMentors) {
    // Refused before zod walks every entry.
    return {
      ok: false,
      errors: [`mentors: has ${mentors.length} mentors, more than the ${DIRECTORY_LIMITS.maxMentors} a directory may hold`],
    };
  }
  const result = mentorDirectorySchema.safeParse(value);
  if (!result.success) return { ok: false, errors: formatIssues(result.error.issues as $ZodIssue[], value) };
  return { ok: true, directory: result.data, warnings: [...unknownFieldWarnings(value), ...contentWarnings(result.data)] };
}

const KNOWN_FIELDS = {
  directory: ['schemaVersion', 'mentors'],
  mentor: Object.keys(directoryMentorSchema.shape),
  handles: [...ENDPOINT_FORMATS] as string[],
};

/** Unknown fields load (a newer directory may carry more) but are dropped: often a typo such as "msteams". */
function unknownFieldWarnings(root: object): string[] {
  const warnings: string[] = [];
  const check = (value: unknown, known: string[], path: PropertyKey[], what: string) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) warnings.push(`${formatPath([...path, key])}: is not a field of ${what} and is ignored`);
    }
  };
  check(root, KNOWN_FIELDS.directory, [], 'a mentor directory');
  const mentors = (root as { mentors?: unknown }).mentors;
  if (!Array.isArray(mentors)) return warnings;
  mentors.forEach((mentor: unknown, index) => {
    check(mentor, KNOWN_FIELDS.mentor, ['mentors', index], 'a mentor');
    const handles = (mentor as { handles?: unknown } | null)?.handles;
    check(handles, KNOWN_FIELDS.handles, ['mentors', index, 'handles'], `handles (${ENDPOINT_FORMATS.join(', ')})`);
  });
  return warnings;
}

const HANDLE_SHAPES: Record<EndpointFormat, string> = {
  slack: 'a Slack member ID such as U01ABCDEF',
  teams: 'an e-mail address',
  'google-chat': 'a Google Chat user ID such as users/123456789',
  discord: 'a Discord user ID of 17 to 20 digits',
  json: 'any text',
};

/** Tools Coachmark does not know (no ping will ever be about them) and handles that cannot mention anyone. */
function contentWarnings(directory: MentorDirectory): string[] {
  const warnings: string[] = [];
  directory.mentors.forEach((mentor, index) => {
    mentor.tools.forEach((tool, toolIndex) => {
      if (!KNOWN_TOOL_IDS.has(tool)) {
        warnings.push(
          `mentors[${index}].tools[${toolIndex}]: "${tool}" is not a tool Coachmark knows; no ping will reach this mentor for it`,
        );
      }
    });
    for (const format of ENDPOINT_FORMATS) {
      const value = mentor.handles[format];
      if (value && !isMentionHandle(format, value)) {
        warnings.push(
          `${formatPath(['mentors', index, 'handles', format])}: "${value}" is not ${HANDLE_SHAPES[format]}; pings will name ${mentor.name} without notifying them`,
        );
      }
    }
  });
  return warnings;
}

/** Key prefix of directory mentors: a local mentor's id is a UUID, so the two never collide. */
export const DIRECTORY_ID_PREFIX = 'directory:';

/** The stored form of a directory's mentors, marked as the directory's. */
export function toDirectoryMentors(directory: MentorDirectory): Mentor[] {
  return directory.mentors.map((mentor) => {
    const handles: Partial<Record<EndpointFormat, string>> = {};
    for (const format of ENDPOINT_FORMATS) {
      const value = mentor.handles[format];
      if (value) handles[format] = value;
    }
    return { id: `${DIRECTORY_ID_PREFIX}${mentor.id}`, name: mentor.name, handles, tools: [...new Set(mentor.tools)], source: 'directory' };
  });
}

/**
 * The directory's address as the sync status stores it: normal form when valid (https, or http
 * to this machine: the pack subscription rule), as written when not, so the failure names it.
 */
export function normalizeDirectoryUrl(raw: string): string {
  const checked = validatePackUrl(raw);
  return checked.ok ? checked.url : raw.trim();
}

export function isDirectoryMentor(mentor: Pick<Mentor, 'source'>): boolean {
  return mentor.source === 'directory';
}

/** What a sync did, as the studio's "Sync now" shows it. */
export type MentorDirectorySyncResult =
  | { outcome: 'updated'; url: string; mentors: number; added: number; updated: number; removed: number; warnings: number }
  | { outcome: 'unchanged'; url: string; mentors: number }
  | { outcome: 'failed'; url: string; error: string }
  /** No directory is set: any copy from an earlier one is gone. */
  | { outcome: 'none' };
