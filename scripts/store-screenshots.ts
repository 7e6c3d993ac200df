import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeStoreImages } from '../tests/e2e/support/store-screenshots';

/**
 * Writes the store listings' pictures into docs/store/screenshots, from the Chrome build:
 *
 *   npm run store:screenshots
 *
 * (which builds first). The e2e suite makes the same pictures in a temporary folder and checks
 * their sizes (tests/e2e/store-screenshots.e2e.ts).
 */

const ROOT = join(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'docs/store/screenshots');

async function main(): Promise<void> {
  for (const path of await writeStoreImages(OUT_DIR)) process.stdout.write(`${relative(ROOT, path)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`store-screenshots: ${String(error)}\n`);
    process.exitCode = 1;
  });
}
