/**
 * Debian's Chromium, headless and quiet: the browser and flags the browser tests and
 * `npm run pdf` launch (no call home, nothing fetched from another origin by the browser itself).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
