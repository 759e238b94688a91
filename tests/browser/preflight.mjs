// The browser tests need Debian's Chromium: fail with one line that says how to get it.
import fs from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(CHROMIUM)) {
  console.error(
    `Browser tests need Chromium at ${CHROMIUM}: install it with "sudo apt-get install -y chromium" (Debian/Ubuntu) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
