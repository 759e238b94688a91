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

/**
 * For a browser that must reach nothing but a server on this machine (the browser tests, the
 * PDF): every other origin goes to a proxy that is not there, and fails; Chromium sends
 * 127.0.0.1 and localhost around the proxy. Unlike a Playwright route, no request waits on a
 * round trip to Node (a third of a page load's CPU time in the tests).
 */
export const NO_OTHER_ORIGIN = '--proxy-server=http://127.0.0.1:9';
