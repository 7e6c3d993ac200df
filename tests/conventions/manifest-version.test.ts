import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import packageJson from '../../package.json';

/**
 * One version for both stores, package.json's. WXT writes it into every manifest it builds
 * unless the config sets `version` or `version_name`; the build checks that read the real
 * manifests are `npm run lint:firefox` (scripts/store-lint.ts) and tests/e2e/store-screenshots.e2e.ts.
 */

type ManifestFn = (env: object) => Record<string, unknown>;
type ManifestHook = (wxt: object, manifest: Record<string, unknown>) => void;

const TARGETS = [
  ['chrome', 3],
  ['firefox', 2],
  ['firefox', 3],
  ['edge', 3],
] as const;

describe('the manifest version', () => {
  it.each(TARGETS)('%s MV%i: the config sets no version or version_name of its own', (browser, manifestVersion) => {
    const manifest = (config.manifest as unknown as ManifestFn)({ browser, manifestVersion, mode: 'production', command: 'build' });
    expect(manifest).not.toHaveProperty('version');
    expect(manifest).not.toHaveProperty('version_name');
  });

  it.each([2, 3])('the MV%i manifest hook leaves the version as WXT wrote it', (manifestVersion) => {
    const hook = (config.hooks as unknown as Record<string, ManifestHook>)['build:manifestGenerated']!;
    const manifest: Record<string, unknown> = { version: packageJson.version, content_scripts: [] };
    hook({ config: { manifestVersion } }, manifest);
    expect(manifest.version).toBe(packageJson.version);
    expect(manifest).not.toHaveProperty('version_name');
  });

  it('package.json’s version is plain semver that both stores take as it is (no pre-release or build suffix)', () => {
    // Chrome and Firefox want one to four dot-separated integers of at most 65535, without leading
    // zeros; WXT would cut a suffix off and show the full string only as Chrome's version_name.
    expect(packageJson.version).toMatch(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/);
    for (const part of packageJson.version.split('.')) expect(Number(part)).toBeLessThanOrEqual(65535);
  });
});
