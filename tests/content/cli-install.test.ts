/**
 * cli/ installs only what `npm run ml` and `npm run bench` need on a Raspberry Pi. Its packages
 * must be the very versions the site's own install uses, and cover every package code/cli.ts and
 * bench/ import, or the Pi would run different code from the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const root = read('package.json');
const cli = read('cli/package.json');
const rootVersions: Record<string, string> = { ...root.dependencies, ...root.devDependencies };

describe('cli/ (command line only)', () => {
  it('pins each package to the version the site uses', () => {
    const deps: Record<string, string> = { ...cli.dependencies, ...cli.devDependencies };
    expect(Object.keys(deps).length).toBeGreaterThan(0);
    for (const [name, version] of Object.entries(deps)) expect(`${name}@${version}`).toBe(`${name}@${rootVersions[name]}`);
  });
  it('lists every package the command line and the bench import (outside Node itself)', () => {
    const deps = new Set(Object.keys({ ...cli.dependencies, ...cli.devDependencies }));
    const files = (dir: string): string[] =>
      fs
        .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const sources = [...files('code'), ...files('bench')].filter(
      (f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f) && !f.startsWith('code/exercises'),
    );
    const missing = new Set<string>();
    for (const file of sources) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'".][^'"]*)['"]/g)) {
        const name = m[1].startsWith('@') ? m[1].split('/').slice(0, 2).join('/') : m[1].split('/')[0];
        if (!name.startsWith('node:') && !deps.has(name)) missing.add(`${file}: ${name}`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
