/**
 * The store listings' pictures, in the listings' order: screenshots at 1280×800 (the Chrome Web
 * Store's and AMO's size) and the Chrome Web Store's small promo tile, 440×280. Each name ends in
 * its size. store-screenshots.ts makes them; docs/store/listing.*.md caption them.
 */

export interface StoreImage {
  file: string;
  width: number;
  height: number;
}

export const STORE_IMAGES: readonly StoreImage[] = [
  { file: 'panel-speedgrader-1280x800.png', width: 1280, height: 800 },
  { file: 'search-1280x800.png', width: 1280, height: 800 },
  { file: 'ping-preview-1280x800.png', width: 1280, height: 800 },
  { file: 'growth-plan-1280x800.png', width: 1280, height: 800 },
  { file: 'studio-1280x800.png', width: 1280, height: 800 },
  { file: 'promo-small-440x280.png', width: 440, height: 280 },
];
