import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { ICON_SIZES, iconOutput, iconSource } from '../../scripts/icons';
import { ROOT } from './sources';

/**
 * The icons are generated files (`npm run icons`): these checks catch a PNG that was not
 * regenerated, rendered blank or on an opaque background, and a manifest that names a missing file.
 */

interface DecodedPng {
  width: number;
  height: number;
  colorType: number;
  /** RGBA, 4 bytes a pixel, rows top to bottom. */
  pixels: Uint8Array;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [toLeft, toUp, toUpLeft] = [left, up, upLeft].map((value) => Math.abs(estimate - value));
  if (toLeft! <= toUp! && toLeft! <= toUpLeft!) return left;
  return toUp! <= toUpLeft! ? up : upLeft;
}

/** Enough of PNG for 8-bit, non-interlaced RGBA: the chunks, then each row's filter undone. */
function decodePng(file: Buffer): DecodedPng {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const body = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  if (!header) throw new Error('no IHDR chunk');
  const [width, height, bitDepth, colorType, interlace] = [
    header.readUInt32BE(0),
    header.readUInt32BE(4),
    header[8],
    header[9],
    header[12],
  ];
  expect({ bitDepth, interlace }).toEqual({ bitDepth: 8, interlace: 0 });
  if (colorType !== 6) return { width, height, colorType: colorType!, pixels: new Uint8Array() };

  const stride = width * 4;
  const raw = inflateSync(Buffer.concat(data));
  const pixels = new Uint8Array(stride * height);
  for (let row = 0; row < height; row++) {
    const filter = raw[row * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[row * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? pixels[row * stride + x - 4]! : 0;
      const up = row > 0 ? pixels[(row - 1) * stride + x]! : 0;
      const upLeft = row > 0 && x >= 4 ? pixels[(row - 1) * stride + x - 4]! : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter!];
      if (predicted === undefined) throw new Error(`unknown PNG filter ${filter}`);
      pixels[row * stride + x] = (value + predicted) & 0xff;
    }
  }
  return { width, height, colorType, pixels };
}

const pixelAt = (png: DecodedPng, x: number, y: number) => [...png.pixels.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];

describe.each(ICON_SIZES)('public/icon/%i.png', (size) => {
  const png = decodePng(readFileSync(join(ROOT, iconOutput(size))));

  it('is exactly its size, with an alpha channel', () => {
    expect({ width: png.width, height: png.height, colorType: png.colorType }).toEqual({ width: size, height: size, colorType: 6 });
  });

  it('is the drawing on a transparent background: clear corners, an opaque middle, the accent blue and white', () => {
    for (const [x, y] of [
      [0, 0],
      [size - 1, 0],
      [0, size - 1],
      [size - 1, size - 1],
    ] as const) {
      expect(pixelAt(png, x, y)[3], `corner ${x},${y}`).toBeLessThan(128);
    }
    const colors = new Set<string>();
    let opaque = 0;
    for (let i = 0; i < size * size; i++) {
      const [r, g, b, a] = png.pixels.subarray(i * 4, i * 4 + 4);
      if (a === 255) {
        opaque++;
        colors.add(`${r},${g},${b}`);
      }
    }
    expect(pixelAt(png, size / 2, size / 2)[3]).toBe(255);
    expect(opaque / (size * size)).toBeGreaterThan(0.6);
    expect(colors).toContain('31,95,191');
    expect(colors).toContain('255,255,255');
  });
});

describe('icon sources', () => {
  it.each([...new Set(ICON_SIZES.map(iconSource))])(
    '%s is well-formed SVG with a 128-unit viewBox and no text or outside references',
    (path) => {
      const text = readFileSync(join(ROOT, path), 'utf8');
      const svg = new DOMParser().parseFromString(text, 'image/svg+xml');
      expect(svg.getElementsByTagName('parsererror')).toHaveLength(0);
      expect(svg.documentElement.nodeName).toBe('svg');
      expect(svg.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      expect(svg.documentElement.getAttribute('viewBox')).toBe('0 0 128 128');
      expect(svg.getElementsByTagName('text')).toHaveLength(0);
      expect(text).not.toMatch(/href=|url\(/);
    },
  );

  it('public/icon/ holds exactly the generated sizes', () => {
    expect(readdirSync(join(ROOT, 'public/icon')).sort()).toEqual(ICON_SIZES.map((size) => `${size}.png`).sort());
  });
});

describe('manifest icons', () => {
  const manifestFor = (browser: string, manifestVersion: 2 | 3) => {
    const manifest = config.manifest as unknown as (env: object) => { action?: { default_icon?: Record<string, string> } };
    return manifest({ browser, manifestVersion, mode: 'production', command: 'build' });
  };
  const expected = Object.fromEntries(ICON_SIZES.map((size) => [String(size), iconOutput(size).replace(/^public\//, '')]));

  it.each([
    ['chrome', 3],
    ['firefox', 2],
  ] as const)('%s MV%i shows the generated icons in the toolbar', (browser, version) => {
    expect(manifestFor(browser, version).action?.default_icon).toEqual(expected);
  });

  it("Firefox's sidebar shows them too", () => {
    const hooks = config.hooks as unknown as Record<string, (wxt: object, manifest: Record<string, unknown>) => void>;
    const hook = hooks['build:manifestGenerated']!;
    const manifest: Record<string, unknown> = { sidebar_action: { default_panel: 'sidepanel.html' } };
    hook({ config: { manifestVersion: 2 } }, manifest);
    expect(manifest.sidebar_action).toMatchObject({ default_icon: expected });
  });
});
