#!/usr/bin/env node
/**
 * Makes the app icons in static/img/ from the site's logo (static/img/logo.svg) with the
 * Chromium the browser tests use. Run it again after changing the logo:
 *
 *   node scripts/make-icons.mjs
 *
 * icon-192.png and icon-512.png are the logo as it is; icon-maskable-512.png puts it on a full
 * square of its background colour, inside the middle 80% that every launcher's mask keeps.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMG = path.join(ROOT, 'static', 'img');
const logo = fs.readFileSync(path.join(IMG, 'logo.svg'), 'utf8');
/** The logo's background colour (its first fill), for the maskable icon's full square. */
const background = /fill="(#[0-9a-f]{3,6})"/i.exec(logo)?.[1] ?? '#ffffff';

const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  for (const { file, size, maskable } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = maskable ? Math.round(size * 0.8) : size;
    const svg = `data:image/svg+xml;base64,${Buffer.from(logo).toString('base64')}`;
    await page.setContent(
      `<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;` +
        `background:${maskable ? background : 'transparent'}">` +
        `<img src="${svg}" width="${inner}" height="${inner}" alt=""></body>`,
    );
    await page.screenshot({ path: path.join(IMG, file), omitBackground: !maskable });
    await page.close();
    console.log(`static/img/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
