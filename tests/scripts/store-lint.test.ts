import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownLibraryFinding, manifestProblems, pngSize, type BuildFacts, type LintMessage } from '../../scripts/store-lint';
import { ROOT } from '../conventions/sources';

// Lines as the production build minifies them (chunks/markdown-*.js and chunks/index-*.js).
const DOMPURIFY_LINE =
  'if(!l||!l.documentElement){l=At.createDocument($e,"template",null);try{l.documentElement.innerHTML=Dt?re:f}catch{}}';
const PREACT_LINE = 'ne?(v||U&&(ne.__html==U.__html||ne.__html==r.innerHTML)||(r.innerHTML=ne.__html),i.__k=[]):(U&&(r.textContent=""))';

/** The linter's report for the assignment to `member` on `line` (1-based column at the object). */
function findingAt(line: string, member: string, code = 'UNSAFE_VAR_ASSIGNMENT'): LintMessage {
  const index = line.lastIndexOf(member);
  return { code, message: 'Unsafe assignment to innerHTML', file: 'chunks/x.js', line: 2, column: index + 1 };
}
const fileOf = (line: string, extra = '') => `// first line ${extra}\n${line}\n`;

describe('knownLibraryFinding', () => {
  it("recognizes DOMPurify's fallback parse and Preact's dangerouslySetInnerHTML", () => {
    expect(knownLibraryFinding(findingAt(DOMPURIFY_LINE, 'l.documentElement.innerHTML'), fileOf(DOMPURIFY_LINE, '"dompurify"'))).toBe(
      'DOMPurify',
    );
    expect(knownLibraryFinding(findingAt(PREACT_LINE, 'r.innerHTML=ne'), fileOf(PREACT_LINE, '"dangerouslySetInnerHTML"'))).toBe('Preact');
  });

  it('refuses any other innerHTML, the same code in a file without the library, and other codes', () => {
    const own = 'const i=xl(r),o=String(i.sanitize(t)),a=r.document.createElement("template");a.innerHTML=o,cn(a.content,e);';
    expect(knownLibraryFinding(findingAt(own, 'a.innerHTML'), fileOf(own, '"dompurify" "dangerouslySetInnerHTML"'))).toBeNull();
    expect(knownLibraryFinding(findingAt(DOMPURIFY_LINE, 'l.documentElement.innerHTML'), fileOf(DOMPURIFY_LINE))).toBeNull();
    expect(knownLibraryFinding(findingAt(PREACT_LINE, 'r.innerHTML=ne'), fileOf(PREACT_LINE))).toBeNull();
    const elsewhere = 'function show(e,x){e.innerHTML=x.__html}';
    expect(knownLibraryFinding(findingAt(elsewhere, 'e.innerHTML'), fileOf(elsewhere, '"dangerouslySetInnerHTML"'))).toBeNull();
    expect(
      knownLibraryFinding(
        findingAt(DOMPURIFY_LINE, 'l.documentElement.innerHTML', 'UNSAFE_VAR_ASSIGNMENT_X'),
        fileOf(DOMPURIFY_LINE, '"dompurify"'),
      ),
    ).toBeNull();
    expect(knownLibraryFinding({ code: 'UNSAFE_VAR_ASSIGNMENT', message: '' }, fileOf(DOMPURIFY_LINE, '"dompurify"'))).toBeNull();
  });
});

const JUSTIFIED = ['### `storage`', '### `sidePanel`', '### Host permissions', '### Optional host permissions'].join('\n\ntext\n\n');

function chromeBuild(overrides: Partial<BuildFacts> = {}): BuildFacts {
  return {
    manifest: {
      manifest_version: 3,
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      version: '1.2.0',
      default_locale: 'en',
      icons: { 16: 'icon/16.png', 128: 'icon/128.png' },
      permissions: ['storage', 'sidePanel'],
      host_permissions: ['https://*.instructure.com/*'],
      optional_host_permissions: ['https://*/*'],
    },
    locales: {
      en: { extName: { message: 'Coachmark' }, extDescription: { message: 'Help for teachers.' } },
      es: { extName: { message: 'Coachmark' }, extDescription: { message: 'Ayuda para docentes.' } },
    },
    packageVersion: '1.2.0',
    iconSizes: { 16: { width: 16, height: 16 }, 128: { width: 128, height: 128 } },
    privacyAnswers: JUSTIFIED,
    ...overrides,
  };
}

describe('manifestProblems', () => {
  it('has nothing to say about a build that meets the stores’ rules', () => {
    expect(manifestProblems(chromeBuild())).toEqual([]);
  });

  it('names a version that is not package.json’s, and a version_name', () => {
    const build = chromeBuild();
    build.manifest.version = '1.1.0';
    build.manifest.version_name = '1.1.0-beta';
    expect(manifestProblems(build)).toEqual([
      'version is 1.1.0, package.json says 1.2.0',
      'version_name 1.1.0-beta is set: the stores would show it',
    ]);
  });

  it('checks the name and description in every locale', () => {
    const build = chromeBuild();
    build.locales.es!.extDescription = { message: 'a'.repeat(133) };
    build.locales.en!.extName = { message: 'C'.repeat(46) };
    delete build.locales.en!.extDescription;
    expect(manifestProblems(build)).toEqual([
      'en: a __MSG_ key of the name or description is missing',
      'en: the name has 46 characters (at most 45)',
      'es: the description has 133 characters (1 to 132)',
    ]);
  });

  it('wants a 128×128 PNG icon', () => {
    expect(manifestProblems(chromeBuild({ iconSizes: { 128: { width: 96, height: 96 } } }))).toEqual([
      'icons.128 (icon/128.png) is 96×96, not 128×128',
    ]);
    expect(manifestProblems(chromeBuild({ iconSizes: { 128: null } }))).toEqual(['icons.128 (icon/128.png) is not a PNG, not 128×128']);
  });

  it('wants a justification for each permission, and none for a permission the Chrome build does not ask for', () => {
    const build = chromeBuild({ privacyAnswers: '### `storage`\n\n### `activeTab`\n' });
    expect(manifestProblems(build)).toEqual([
      'permission sidePanel has no "### `sidePanel`" justification in docs/store/privacy-answers.md',
      'host permissions have no "### Host permissions" justification in docs/store/privacy-answers.md',
      'optional host permissions have no "### Optional host permissions" justification in docs/store/privacy-answers.md',
      'docs/store/privacy-answers.md justifies activeTab, which the manifest does not ask for',
    ]);
  });

  it('reads a Firefox MV2 build’s hosts from permissions, and lets its manifest ask for less than the Chrome one', () => {
    const build = chromeBuild();
    build.manifest = {
      ...build.manifest,
      manifest_version: 2,
      permissions: ['storage', 'https://*.instructure.com/*'],
      host_permissions: undefined,
      optional_host_permissions: undefined,
      optional_permissions: ['https://*/*'],
      browser_specific_settings: { gecko: { id: 'coachmark@coachmark.app' } },
    };
    expect(manifestProblems(build)).toEqual([]);
    build.privacyAnswers = '### `storage`';
    expect(manifestProblems(build)).toEqual([
      'host permissions have no "### Host permissions" justification in docs/store/privacy-answers.md',
      'optional host permissions have no "### Optional host permissions" justification in docs/store/privacy-answers.md',
    ]);
  });
});

describe('pngSize', () => {
  it('reads width and height from the IHDR chunk, and refuses what is not a PNG', () => {
    expect(pngSize(readFileSync(join(ROOT, 'public/icon/128.png')))).toEqual({ width: 128, height: 128 });
    expect(pngSize(readFileSync(join(ROOT, 'public/icon.svg')))).toBeNull();
    expect(pngSize(Buffer.alloc(0))).toBeNull();
  });
});
