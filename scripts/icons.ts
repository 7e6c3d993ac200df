import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { findChromium, missingBrowserReason } from '../tests/e2e/support/chromium';

/**
 * Renders the extension's PNG icons from their SVG sources:
 *
 *   npm run icons
 *
 * WXT finds public/icon/<size>.png and lists them as the manifest's `icons`. The toolbar sizes use
 * a simplified drawing, because the full one turns to mush when 128 units become 16 pixels.
 */

const ROOT = join(import.meta.dirname, '..');

export const ICON_SIZES = [16, 32, 48, 128] as const;

/** The SVG (relative to the project root) that each size is drawn from. */
export function iconSource(size: number): string {
  return size <= 32 ? 'public/icon-small.svg' : 'public/icon.svg';
}

export function iconOutput(size: number): string {
  return `public/icon/${size}.png`;
}

/** One PNG of `svg` at exactly size×size pixels, transparent where the drawing is not. */
export async function renderIcon(browser: Browser, svg: string, size: number): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  try {
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="${src}" width="${size}" height="${size}" alt="">`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    return await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(missingBrowserReason());
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    await mkdir(join(ROOT, 'public/icon'), { recursive: true });
    for (const size of ICON_SIZES) {
      const svg = await readFile(join(ROOT, iconSource(size)), 'utf8');
      await writeFile(join(ROOT, iconOutput(size)), await renderIcon(browser, svg, size));
      process.stdout.write(`${iconOutput(size)} from ${iconSource(size)}\n`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`icons: ${String(error)}\n`);
    process.exitCode = 1;
  });
}
