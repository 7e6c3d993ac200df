import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, shouldRunBrowserTests } from './support/browser';
import { STORE_IMAGES } from './support/store-images';
import { writeStoreImages } from './support/store-screenshots';
import { pngSize } from '../../scripts/store-lint';
import packageJson from '../../package.json';

/**
 * The store pictures' generator, run as `npm run store:screenshots` runs it but into a temporary
 * folder: every picture is written, at exactly the size its name says and the store asks for.
 */
describe.skipIf(!shouldRunBrowserTests())('the store listing pictures from the Chrome build', () => {
  let dir: string;
  let written: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coachmark-store-images-'));
    written = await writeStoreImages(dir);
  }, 180_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes each picture once, named by its size', async () => {
    expect((await readdir(dir)).sort()).toEqual(STORE_IMAGES.map((image) => image.file).sort());
    expect(written.map((path) => path.slice(dir.length + 1))).toEqual(STORE_IMAGES.map((image) => image.file));
    for (const image of STORE_IMAGES) expect(image.file).toMatch(new RegExp(`-${image.width}x${image.height}\\.png$`));
  });

  it.each(STORE_IMAGES.map((image) => [image.file, image] as const))('%s is a PNG of exactly its store size', async (file, image) => {
    expect(pngSize(await readFile(join(dir, file)))).toEqual({ width: image.width, height: image.height });
  });

  it("the Chrome build pictured carries package.json's version", async () => {
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { version: string; version_name?: string };
    expect(manifest.version).toBe(packageJson.version);
    expect(manifest.version_name).toBeUndefined();
  });
});
