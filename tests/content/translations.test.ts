/**
 * Translations kept in step with the English pages (src/plugins/translations.ts,
 * scripts/translations.ts): the version a translation records, the staleness check on a fixture
 * and on mutated copies of it, the structure a translation keeps, links between translated and
 * untranslated pages, and the state of the real French edition.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkTranslations,
  compareStructure,
  gitBlobId,
  numbersIn,
  orphanTranslations,
  translationStatuses,
  translatedLocales,
} from '../../src/plugins/translations';
import { currentLocale, readContentPages, readGlossary } from '../../src/plugins/content-index';
import { rootRelative } from '../../src/plugins/remark-locale-links';
import { translationsReport } from '../../scripts/translations';
import { translationState } from '../../src/plugins/remark-course';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/translations');
const FRENCH_LESSON = 'i18n/fr/docusaurus-plugin-content-docs/current/lesson.mdx';

const copies: string[] = [];
/** A copy of the fixture site to change. */
function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'translations-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  copies.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of copies.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const edit = (dir: string, file: string, change: (text: string) => string) =>
  fs.writeFileSync(path.join(dir, file), change(fs.readFileSync(path.join(dir, file), 'utf8')));
/** `npm run translations` on a site, in a process of its own (its exit code and output). */
const runCheck = (site: string) =>
  spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/translations.ts'), '--site', site],
    {
      encoding: 'utf8',
    },
  );
/**
 * What the command reports for a site, computed in this process (the command prints these lines
 * and exits with 1 when `needsWork` > 0): the command itself is run in its own process twice
 * below, once failing and once passing, and starting it for every case would cost a second each.
 */
const report = (site: string) => translationsReport(site, ['fr']);

describe('the version a translation records', () => {
  it('is the English file’s Git blob id, computed without Git', () => {
    expect(gitBlobId('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    const file = path.join(ROOT, 'docs/index.mdx');
    let fromGit: string | undefined;
    try {
      fromGit = execFileSync('git', ['hash-object', file], { encoding: 'utf8' }).trim();
    } catch {
      // No Git here (a downloaded archive): the fixed value above still checks the formula.
    }
    if (fromGit) expect(gitBlobId(fs.readFileSync(file))).toBe(fromGit);
  });
});

describe('the staleness check', () => {
  it('passes the fixture: one page translated and current, one not translated', async () => {
    const reports = await checkTranslations(FIXTURE, 'fr');
    expect(reports.map((r) => [r.status.source, r.status.state, r.problems])).toEqual([
      ['docs/lesson.mdx', 'current', []],
      ['docs/other.mdx', 'missing', []],
    ]);
  });

  it('finds a translation stale once its English page changes, and the CLI fails and says how to see the change', async () => {
    const site = copyFixture();
    edit(site, 'docs/lesson.mdx', (t) => t.replace('right, with', 'right on the first try, with'));
    const [lesson] = await checkTranslations(site, 'fr');
    expect(lesson.status.state).toBe('stale');
    expect(lesson.status.recorded).toBe(gitBlobId(fs.readFileSync(path.join(FIXTURE, 'docs/lesson.mdx'))));
    const cli = runCheck(site);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`stale           ${FRENCH_LESSON}`);
    expect(cli.stdout).toContain(`git diff ${lesson.status.recorded} ${lesson.status.actual}`);
  });

  it('exits 0 when every page is translated and current', () => {
    const site = copyFixture();
    const other = fs.readFileSync(path.join(site, 'docs/other.mdx'), 'utf8');
    const french = other
      .replace('title: Other', `title: Autre\nsource_version: ${gitBlobId(other)}`)
      .replace('## Start {#start}', '## Début {#start}')
      .replace('Nothing here yet.', 'Rien ici pour l’instant.');
    fs.writeFileSync(path.join(site, 'i18n/fr/docusaurus-plugin-content-docs/current/other.mdx'), french);
    const cli = runCheck(site);
    expect(cli.stdout).toContain('2 pages: 2 current');
    expect(cli.status).toBe(0);
  });

  it('reports a translation without source_version, and one whose English page is gone', async () => {
    const site = copyFixture();
    edit(site, FRENCH_LESSON, (t) => t.replace(/^source_version: .*\n/m, ''));
    fs.writeFileSync(path.join(site, 'i18n/fr/docusaurus-plugin-content-docs/current/renamed.mdx'), '---\ntitle: Renommée\n---\n');
    expect(translationStatuses(site, 'fr')[0].state).toBe('unrecorded');
    expect(orphanTranslations(site, 'fr')).toEqual(['i18n/fr/docusaurus-plugin-content-docs/current/renamed.mdx']);
    const { lines, needsWork } = await report(site);
    // The fixture's untranslated page, and these two.
    expect(needsWork).toBe(3);
    expect(lines.join('\n')).toMatch(/no version {6}i18n\/fr\/.*lesson\.mdx/);
    expect(lines.join('\n')).toMatch(/no English page i18n\/fr\/.*renamed\.mdx/);
  });

  it.each([
    [
      'drops an embed',
      (t: string) => t.replace('<RunnableCode entry="knn/demo-iris.ts" />', ''),
      /components differ.*missing <RunnableCode entry=knn\/demo-iris.ts>/,
    ],
    ['runs another entry', (t: string) => t.replace('demo-iris.ts', 'demo-blobs.ts'), /components differ/],
    ['marks another answer', (t: string) => t.replace('answer={0.25}', 'answer={0.5}'), /components differ/],
    ['loses a heading id', (t: string) => t.replace(' {#choosing-k}', ''), /heading ids missing: choosing-k/],
    ['links another glossary term', (t: string) => t.replace('id="model"', 'id="dataset"'), /glossary terms \(<Term id>\) missing: model/],
    ['links elsewhere', (t: string) => t.replace('./other.mdx#start', './other.mdx'), /link targets missing: \.\/other\.mdx#start/],
    ['changes a figure', (t: string) => t.replace('93 %', '94 %'), /numbers of the English page not found: 93/],
    ['changes the licence', (t: string) => t.replace('license: CC-BY-SA-4.0', 'license: CC-BY-4.0'), /front matter "license"/],
    ['breaks the MDX', (t: string) => t.replace('<Explanation>', '<Explanation'), /MDX syntax error/],
  ])('fails a current translation that %s', async (_, change, problem) => {
    const site = copyFixture();
    edit(site, FRENCH_LESSON, change);
    const [lesson] = await checkTranslations(site, 'fr');
    expect(lesson.status.state).toBe('current');
    expect(lesson.problems.join('\n')).toMatch(problem);
    const { lines, needsWork } = await report(site);
    // The fixture's untranslated page, and this one.
    expect(needsWork).toBe(2);
    expect(lines.join('\n')).toContain(`differs         ${FRENCH_LESSON}:`);
  });

  it('reads numbers the way each language writes them', async () => {
    expect(numbersIn('1,000 flowers, 0.25 s', true)).toEqual(['1000', '0', '25']);
    expect(numbersIn('1 000 fleurs, 0,25 s, 0{,}001, 0,001', false)).toEqual(['1000', '0', '25', '0', '001', '0', '001']);
    expect(await compareStructure('---\ntitle: A\n---\n\nAbout 0.001 A.\n', '---\ntitle: B\n---\n\nEnviron 0,001 A.\n')).toEqual([]);
  });
});

describe('the locale being built', () => {
  it('is the one Docusaurus names, and English for a plain npm start (the variable set to undefined reads "undefined")', () => {
    expect(currentLocale({ DOCUSAURUS_CURRENT_LOCALE: 'fr' })).toBe('fr');
    expect(currentLocale({ DOCUSAURUS_CURRENT_LOCALE: 'undefined' })).toBe('en');
    expect(currentLocale({})).toBe('en');
  });
});

describe('the notice on a French page', () => {
  it('is absent on a current translation, says "stale" once the English page changes, and "missing" on an English page served in French', () => {
    const site = copyFixture();
    const french = path.join(site, FRENCH_LESSON);
    expect(translationState(site, french, 'fr')).toBeUndefined();
    expect(translationState(site, path.join(site, 'docs/other.mdx'), 'fr')).toBe('missing');
    expect(translationState(site, path.join(site, 'docs/lesson.mdx'), 'en')).toBeUndefined();
    edit(site, 'docs/lesson.mdx', (t) => t.replace('A lesson', 'A changed lesson'));
    expect(translationState(site, french, 'fr')).toBe('stale');
  });
});

describe('links in a partly translated edition', () => {
  it('are written relative to the content folder, so they resolve in the translation or in English', () => {
    const root = '/site/i18n/fr/docusaurus-plugin-content-docs-glossary/current';
    expect(rootRelative('./accuracy.mdx', `${root}/index.mdx`, root)).toBe('/accuracy.mdx');
    expect(rootRelative('../training/index.mdx#cost', '/site/docs/edge/index.mdx', '/site/docs')).toBe('/training/index.mdx#cost');
    expect(rootRelative('../../elsewhere.mdx', '/site/docs/edge/index.mdx', '/site/docs')).toBe('../../elsewhere.mdx');
    for (const url of ['/glossary/accuracy', 'https://example.org/a.mdx', '#choosing-k', './image.png']) {
      expect(rootRelative(url, '/site/docs/a.mdx', '/site/docs')).toBe(url);
    }
  });
});

describe('the French edition', () => {
  const locales = translatedLocales(ROOT);

  it('is a translated locale of this site', () => {
    expect(locales).toContain('fr');
  });

  it.each(locales)(
    '(%s) keeps every current page’s components, ids, links and figures, and records a version for every page',
    async (locale) => {
      const reports = await checkTranslations(ROOT, locale);
      const problems = reports.flatMap((r) => [
        ...r.problems.map((p) => `${r.status.file}: ${p}`),
        ...(r.status.state === 'unrecorded' ? [`${r.status.file}: no source_version`] : []),
      ]);
      expect(problems).toEqual([]);
      expect(orphanTranslations(ROOT, locale)).toEqual([]);
      const missing = reports.filter((r) => r.status.state === 'missing').map((r) => r.status.source);
      const stale = reports.filter((r) => r.status.state === 'stale').map((r) => r.status.file);
      // Allowed (the page shows a notice and `npm run translations` lists them), but said.
      if (missing.length + stale.length)
        console.warn(`[${locale}] not translated: ${missing.join(', ') || 'none'}; stale: ${stale.join(', ') || 'none'}`);
    },
  );

  it.each(['en', ...locales])('(%s) glossary home links every term', (locale) => {
    const pages = readContentPages(ROOT, locale);
    const home = pages.find((p) => p.space.dir === 'glossary' && p.route === '/glossary')!;
    const linked = new Set([...home.body.matchAll(/\]\(\.\/([\w-]+)\.mdx\)/g)].map((m) => m[1]));
    const terms = [...readGlossary(ROOT, pages).keys()].sort();
    expect(terms.filter((id) => !linked.has(id))).toEqual([]);
  });

  it('gives every glossary term a French title and definition of its own', () => {
    const en = readGlossary(ROOT);
    const fr = readGlossary(ROOT, readContentPages(ROOT, 'fr'));
    const untranslated = [...fr.values()].filter((t) => t.definition === en.get(t.id)?.definition).map((t) => t.id);
    expect(untranslated).toEqual([]);
    // "Used in" lists the French pages by their French titles.
    const accuracy = fr.get('accuracy')!;
    expect(accuracy.usedIn.length).toBeGreaterThan(0);
    expect(accuracy.usedIn.map((u) => u.title)).not.toEqual(en.get('accuracy')!.usedIn.map((u) => u.title));
  });
});
