import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/**
 * Checks unpacked store builds the way the stores' reviewers read them:
 *
 *   npm run store:lint -- .output-store/chrome-mv3 .output-store/firefox-mv2
 *
 * With no folder it checks `<COACHMARK_OUT_DIR or .output>/firefox-mv2` (what `npm run lint:firefox`
 * builds). For every build: the manifest's version is package.json's, the name and description fit
 * the stores' limits in every locale, the 128 px icon is a 128×128 PNG, and every permission has its
 * justification in docs/store/privacy-answers.md. For a Firefox build, `web-ext lint` too: any
 * error, warning or notice fails, except the two findings inside bundled libraries listed below.
 */

const ROOT = join(import.meta.dirname, '..');
export const PRIVACY_ANSWERS = 'docs/store/privacy-answers.md';

/** The Chrome Web Store's limit for the summary, and AMO's linter's for the name. */
export const DESCRIPTION_MAX = 132;
export const NAME_MAX = 45;

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * Findings of `web-ext lint` that are library code we ship unchanged, each recognised by the code
 * at the reported place, so that a new innerHTML anywhere else still fails the check.
 */
export const KNOWN_LIBRARY_FINDINGS = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    library: 'DOMPurify',
    // dompurify/dist/purify.es.mjs, _initDocument: the fallback parse, for a browser whose
    // DOMParser fails, of the markup DOMPurify is about to clean.
    before: /\.createDocument\([^()]*"template",null\);try\{$/,
    at: /^\w+\.documentElement\.innerHTML=/,
    fileContains: 'dompurify',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    library: 'Preact',
    // preact/src/diff/index.js: how Preact applies a `dangerouslySetInnerHTML` prop. Coachmark
    // passes it only the output of renderMarkdown/renderInline (utils/cards/markdown.ts).
    before: /\($/,
    at: /^\w+\.innerHTML=\w+\.__html\)/,
    fileContains: 'dangerouslySetInnerHTML',
  },
] as const;

/** The library a finding belongs to, or null when it is not one of the known ones. */
export function knownLibraryFinding(message: LintMessage, fileText: string | null): string | null {
  if (fileText === null || message.line === undefined || message.column === undefined) return null;
  const line = fileText.split('\n')[message.line - 1] ?? '';
  // The linter's column is 1-based and points at the start of the assigned member expression.
  const at = message.column - 1;
  const known = KNOWN_LIBRARY_FINDINGS.find(
    (finding) =>
      finding.code === message.code &&
      finding.before.test(line.slice(0, at)) &&
      finding.at.test(line.slice(at)) &&
      fileText.includes(finding.fileContains),
  );
  return known?.library ?? null;
}

export interface BuildFacts {
  manifest: Manifest;
  /** messages.json of each locale folder, by locale. */
  locales: Record<string, Record<string, { message: string }>>;
  packageVersion: string;
  /** Width and height of each icon file the manifest names, by size key; null when unreadable. */
  iconSizes: Record<string, { width: number; height: number } | null>;
  privacyAnswers: string;
}

export interface Manifest {
  manifest_version: number;
  name: string;
  description?: string;
  version: string;
  version_name?: string;
  default_locale?: string;
  icons?: Record<string, string>;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  browser_specific_settings?: { gecko?: { id?: string } };
}

const isHostPattern = (permission: string) => permission.includes('://') || permission === '<all_urls>';

/** Headings of the form "### `permission`" in the privacy answers. */
export function justifiedPermissions(privacyAnswers: string): string[] {
  return [...privacyAnswers.matchAll(/^#{2,4} `([^`]+)`\s*$/gm)].map((match) => match[1]!);
}

/** What a store reviewer would send back about this build's manifest, as sentences. */
export function manifestProblems(facts: BuildFacts): string[] {
  const { manifest } = facts;
  const problems: string[] = [];
  const forFirefox = manifest.browser_specific_settings?.gecko !== undefined;

  if (manifest.version !== facts.packageVersion) problems.push(`version is ${manifest.version}, package.json says ${facts.packageVersion}`);
  if (manifest.version_name !== undefined) problems.push(`version_name ${manifest.version_name} is set: the stores would show it`);

  const locales = Object.keys(facts.locales);
  if (locales.length === 0) locales.push('(none)');
  for (const locale of locales) {
    const localize = (value: string | undefined) =>
      (value ?? '').replace(/__MSG_(\w+)__/g, (_, key: string) => facts.locales[locale]?.[key]?.message ?? `<missing ${key}>`);
    const name = localize(manifest.name);
    const description = localize(manifest.description);
    if (name.includes('<missing') || description.includes('<missing'))
      problems.push(`${locale}: a __MSG_ key of the name or description is missing`);
    if (name.length > NAME_MAX) problems.push(`${locale}: the name has ${name.length} characters (at most ${NAME_MAX})`);
    if (description.length === 0 || description.length > DESCRIPTION_MAX)
      problems.push(`${locale}: the description has ${description.length} characters (1 to ${DESCRIPTION_MAX})`);
  }

  const icon = facts.iconSizes['128'];
  if (!manifest.icons?.['128']) problems.push('no 128 px icon in icons');
  else if (!icon || icon.width !== 128 || icon.height !== 128)
    problems.push(`icons.128 (${manifest.icons['128']}) is ${icon ? `${icon.width}×${icon.height}` : 'not a PNG'}, not 128×128`);

  const apiPermissions = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])].filter((p) => !isHostPattern(p));
  const hosts = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])].filter(isHostPattern);
  const optionalHosts = [...(manifest.optional_host_permissions ?? []), ...(manifest.optional_permissions ?? [])].filter(isHostPattern);
  const justified = new Set(justifiedPermissions(facts.privacyAnswers));
  const headings = facts.privacyAnswers.split('\n').filter((line) => /^#{2,4} /.test(line));
  for (const permission of apiPermissions) {
    if (!justified.has(permission))
      problems.push(`permission ${permission} has no "### \`${permission}\`" justification in ${PRIVACY_ANSWERS}`);
  }
  if (hosts.length > 0 && !headings.some((line) => /^#{2,4} Host permissions\b/.test(line)))
    problems.push(`host permissions have no "### Host permissions" justification in ${PRIVACY_ANSWERS}`);
  if (optionalHosts.length > 0 && !headings.some((line) => /^#{2,4} Optional host permissions\b/.test(line)))
    problems.push(`optional host permissions have no "### Optional host permissions" justification in ${PRIVACY_ANSWERS}`);
  // The Chrome Web Store form lists the Chrome build's permissions: a justification for one it does
  // not ask for is a stale answer.
  if (!forFirefox) {
    for (const permission of justified) {
      if (!apiPermissions.includes(permission))
        problems.push(`${PRIVACY_ANSWERS} justifies ${permission}, which the manifest does not ask for`);
    }
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function readBuildFacts(dir: string): BuildFacts {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const locales: BuildFacts['locales'] = {};
  const localeRoot = join(dir, '_locales');
  if (existsSync(localeRoot)) {
    for (const locale of readdirSync(localeRoot).sort()) {
      const file = join(localeRoot, locale, 'messages.json');
      if (existsSync(file)) locales[locale] = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
    }
  }
  const iconSizes: BuildFacts['iconSizes'] = {};
  for (const [size, path] of Object.entries(manifest.icons ?? {})) {
    const file = join(dir, path);
    iconSizes[size] = existsSync(file) ? pngSize(readFileSync(file)) : null;
  }
  const packageVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return { manifest, locales, packageVersion, iconSizes, privacyAnswers: readFileSync(join(ROOT, PRIVACY_ANSWERS), 'utf8') };
}

interface WebExtLintResult {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

async function webExtLint(dir: string): Promise<WebExtLintResult> {
  const bin = join(ROOT, 'node_modules/.bin/web-ext');
  const args = ['lint', '--source-dir', dir, '--no-config-discovery', '--output', 'json', '--boring'];
  // web-ext exits non-zero when there are errors; the JSON report is on stdout either way.
  const { stdout } = await promisify(execFile)(bin, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  const start = stdout.indexOf('{');
  if (start < 0) throw new Error(`web-ext lint printed no report for ${dir}`);
  return JSON.parse(stdout.slice(start)) as WebExtLintResult;
}

/** Lines to print for one build; `failed` when any of them is a problem. */
async function checkBuild(label: string): Promise<{ lines: string[]; failed: boolean }> {
  const dir = resolve(label);
  if (!existsSync(join(dir, 'manifest.json')))
    return { lines: [`${label}: no manifest.json (build or unzip the package first)`], failed: true };
  const facts = readBuildFacts(dir);
  const lines: string[] = [];
  const problems = manifestProblems(facts);
  lines.push(...problems.map((problem) => `${label}: ${problem}`));
  let failed = problems.length > 0;

  if (facts.manifest.browser_specific_settings?.gecko !== undefined) {
    const report = await webExtLint(dir);
    for (const message of [...report.errors, ...report.warnings, ...report.notices]) {
      const where = message.file ? `${message.file}${message.line ? `:${message.line}:${message.column ?? 0}` : ''}` : '';
      const file = message.file ? join(dir, message.file) : null;
      const library = knownLibraryFinding(message, file && existsSync(file) ? readFileSync(file, 'utf8') : null);
      if (library) lines.push(`${label}: known, inside ${library}: ${message.code} ${where}`);
      else {
        failed = true;
        lines.push(`${label}: ${message.code} ${where} ${message.message}`);
      }
    }
    lines.push(
      `${label}: web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`,
    );
  }
  lines.push(`${label}: ${failed ? 'FAILED' : 'ready for the store'} (version ${facts.manifest.version})`);
  return { lines, failed };
}

async function main(): Promise<void> {
  const given = process.argv.slice(2);
  const dirs = given.length > 0 ? given : [join(process.env.COACHMARK_OUT_DIR ?? '.output', 'firefox-mv2')];
  let failed = false;
  for (const dir of dirs) {
    const result = await checkBuild(dir);
    process.stdout.write(result.lines.join('\n') + '\n');
    failed ||= result.failed;
  }
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`store-lint: ${String(error)}\n`);
    process.exitCode = 1;
  });
}
