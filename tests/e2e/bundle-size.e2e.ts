import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from './support/browser';

/** Content scripts load on every page of every tool a teacher opens: keep them small. */
const LIMIT_BYTES = 5 * 1024;
const CONTENT_DIR = join(EXTENSION_DIR, 'content-scripts');

describe('content script size (after `wxt build`)', () => {
  it('has built content scripts to measure', async () => {
    expect(existsSync(CONTENT_DIR), 'run `npx wxt build` before the e2e suite').toBe(true);
    expect((await readdir(CONTENT_DIR)).filter((name) => name.endsWith('.js')).length).toBeGreaterThan(0);
  });

  it(`keeps each content script at most ${LIMIT_BYTES} bytes gzipped`, async () => {
    const sizes: Record<string, number> = {};
    for (const name of (await readdir(CONTENT_DIR)).sort()) {
      // gzip -9, as size budgets are usually measured.
      sizes[name] = gzipSync(await readFile(join(CONTENT_DIR, name)), { level: 9 }).length;
    }
    console.info(`[bundle-size] gzip bytes: ${JSON.stringify(sizes)} (limit ${LIMIT_BYTES})`);
    for (const [name, size] of Object.entries(sizes)) {
      expect(size, `${name} is ${size} bytes gzipped`).toBeLessThanOrEqual(LIMIT_BYTES);
    }
  });
});
