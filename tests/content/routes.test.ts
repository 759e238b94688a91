/**
 * Page addresses: src/plugins/content-index.ts (the glossary's "Used in" and "Related terms"
 * links) must give every page the route Docusaurus gives it. Checked against the installed docs
 * plugin, on a fixture that covers every routing rule and on the real site.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentPages, readGlossary } from '../../src/plugins/content-index';
import { loadFixtureDocs, loadSiteDocs, ROOT } from './docusaurus-docs';
import type { LoadedVersion } from '@docusaurus/plugin-content-docs';

const FIXTURE = path.join(ROOT, 'tests/fixtures/docs-routes');
const noTrailingSlash = (route: string) => (route.length > 1 ? route.replace(/\/$/, '') : route);
/** file (relative to the site) → route, as Docusaurus computes it. */
const docusaurusRoutes = (version: LoadedVersion) =>
  Object.fromEntries(version.docs.map((doc) => [doc.source.replace(/^@site\//, ''), noTrailingSlash(doc.permalink)]));

describe('content-index routes, on a fixture', () => {
  const ours = Object.fromEntries(readContentPages(FIXTURE).map((page) => [page.file, page.route]));

  it('follows number prefixes, id and slug front matter, index pages and skipped files', () => {
    expect(ours).toEqual({
      'docs/index.mdx': '/lessons',
      'docs/01-intro.mdx': '/lessons/intro',
      'docs/2021-11-report.mdx': '/lessons/2021-11-report',
      'docs/02-basics/index.mdx': '/lessons/basics',
      'docs/02-basics/03-first-step.mdx': '/lessons/basics/first-step',
      'docs/02-basics/custom-id.mdx': '/lessons/basics/renamed',
      'docs/02-basics/relative-slug.mdx': '/lessons/basics/moved-here',
      'docs/02-basics/absolute-slug.mdx': '/lessons/somewhere/else',
      'docs/02-basics/id-and-slug.mdx': '/lessons/up-one',
      'docs/guide/guide.mdx': '/lessons/guide',
      'docs/reference/README.md': '/lessons/reference',
      'docs/03-raw/05-kept.mdx': '/lessons/03-raw/05-kept',
    });
  });

  it('gives the routes the installed docs plugin gives', async () => {
    const version = await loadFixtureDocs(FIXTURE, { path: 'docs', routeBasePath: 'lessons' });
    expect(ours).toEqual(docusaurusRoutes(version));
  });
});

describe('content-index routes, on the real site', () => {
  let site: Map<string, LoadedVersion>;
  beforeAll(async () => {
    site = await loadSiteDocs();
  });

  it('match the docs plugin for every lesson, glossary and lab page', () => {
    const docusaurus = Object.assign({}, ...[...site.values()].map(docusaurusRoutes));
    const ours = Object.fromEntries(readContentPages(ROOT).map((page) => [page.file, page.route]));
    expect(ours).toEqual(docusaurus);
  });

  it('every "Used in" and "Related terms" link of the glossary is a page Docusaurus builds', () => {
    const pages = new Set([...site.values()].flatMap((version) => version.docs.map((doc) => noTrailingSlash(doc.permalink))));
    const links = [...readGlossary(ROOT).values()].flatMap((term) => [term.route, ...term.usedIn.map((u) => u.route)]);
    expect(links.length).toBeGreaterThan(100);
    expect(links.filter((route) => !pages.has(route))).toEqual([]);
  });
});
