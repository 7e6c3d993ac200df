import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORE_IMAGES } from '../e2e/support/store-images';
import { DESCRIPTION_MAX, pngSize } from '../../scripts/store-lint';
import { ROOT } from './sources';

/**
 * The store listings (docs/store/) against what the stores will read from the package: the
 * Chrome Web Store shows the manifest's description as the listing's summary, so the listing's
 * name and short description must be the locale's extName and extDescription; and the pictures
 * committed for upload must be the ones the generator makes, at their store sizes.
 */

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The paragraph under a `## Heading` of a listing. */
function section(listing: string, heading: string): string {
  const match = new RegExp(`^## ${heading}\\n\\n([^\\n]+(?:\\n[^\\n#]+)*)`, 'm').exec(listing);
  return match ? match[1]!.trim() : '';
}

describe.each(['en', 'es'])('docs/store/listing.%s.md', (locale) => {
  const listing = read(`docs/store/listing.${locale}.md`);
  const messages = JSON.parse(read(`public/_locales/${locale}/messages.json`)) as Record<string, { message: string }>;

  it('names the extension and summarizes it exactly as the manifest does, within the store’s limit', () => {
    expect(section(listing, 'Name')).toBe(messages.extName!.message);
    expect(section(listing, 'Short description')).toBe(messages.extDescription!.message);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
  });

  it('captions only pictures the generator makes', () => {
    const named = [...listing.matchAll(/`([a-z-]+-\d+x\d+\.png)`/g)].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const file of named) expect(STORE_IMAGES.map((image) => image.file)).toContain(file);
  });
});

describe('docs/store/screenshots', () => {
  const dir = join(ROOT, 'docs/store/screenshots');

  it('holds exactly the generated pictures (npm run store:screenshots)', () => {
    expect(existsSync(dir) ? readdirSync(dir).sort() : []).toEqual(STORE_IMAGES.map((image) => image.file).sort());
  });

  it.each(STORE_IMAGES.map((image) => [image.file, image] as const))('%s is a PNG of exactly its store size', (file, image) => {
    expect(pngSize(readFileSync(join(dir, file)))).toEqual({ width: image.width, height: image.height });
  });
});
