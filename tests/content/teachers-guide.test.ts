/**
 * The teacher's guide (teachers/index.mdx): every section of the course has learning outcomes in
 * it, and every link in it leads to a page (and heading) the site builds. The list of sections is
 * the one the home page shows (course-sections over what the docs plugin loads), so a new folder
 * in docs/ fails here until the guide covers it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedVersion } from '@docusaurus/plugin-content-docs';
import { deriveSections, type CourseSection } from '../../src/plugins/course-sections';
import { loadSiteDocs, ROOT } from './docusaurus-docs';

const GUIDE = 'teachers/index.mdx';
const GUIDE_ROUTE = '/teachers';
const guide = fs.readFileSync(path.join(ROOT, GUIDE), 'utf8');

const noTrailingSlash = (route: string) => (route.length > 1 ? route.replace(/\/$/, '') : route);
/** The MDX body without fenced code, inline code and MDX comments: only what renders as links. */
const prose = (body: string) =>
  body
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '');

/** The heading ids of an MDX page: explicit `{#id}` ids (the content tests require one on every heading). */
const headingIds = (body: string) => new Set([...prose(body).matchAll(/^#{2,6} .*\{#([a-z0-9-]+)\}\s*$/gm)].map((m) => m[1]));

type Target = { ids: Set<string> };

/** Internal links of a page body: markdown links and `to`/`href` attributes that start with "/" or "#". */
function internalLinks(body: string): string[] {
  const text = prose(body);
  const links = [
    ...[...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/\b(?:to|href)="([^"]+)"/g)].map((m) => m[1]),
  ];
  return links.filter((l) => /^(\/(?!\/)|#|\.)/.test(l));
}

/** The links of `body` (served at `self`) that lead to no built page or no heading of it. */
function brokenLinks(body: string, self: string, targets: Map<string, Target>): string[] {
  return internalLinks(body).flatMap((link) => {
    if (link.startsWith('.')) return [`${link}: use the page's route (/lessons/…), not a file path`];
    const [pathPart, anchor] = link.split('#');
    const route = pathPart === '' ? self : noTrailingSlash(pathPart);
    const target = targets.get(route);
    if (!target) return [`${link}: no page at ${route}`];
    if (anchor !== undefined && !target.ids.has(anchor)) return [`${link}: ${route} has no heading {#${anchor}}`];
    return [];
  });
}

describe("teacher's guide", () => {
  let docs: Map<string, LoadedVersion>;
  let sections: CourseSection[];
  let targets: Map<string, Target>;

  beforeAll(async () => {
    docs = await loadSiteDocs();
    sections = deriveSections(docs.get('default')!, 'lessons');
    targets = new Map();
    for (const version of docs.values()) {
      for (const doc of version.docs) {
        const source = fs.readFileSync(path.join(ROOT, doc.source.replace(/^@site\//, '')), 'utf8');
        targets.set(noTrailingSlash(doc.permalink), { ids: headingIds(source) });
      }
    }
    // Pages of src/pages (index.tsx is the home page; they have no headings to link to).
    for (const file of fs.readdirSync(path.join(ROOT, 'src/pages'))) {
      const match = /^(.+)\.(tsx|jsx|js|mdx?)$/.exec(file);
      if (match) targets.set(match[1] === 'index' ? '/' : `/${match[1]}`, { ids: new Set() });
    }
  }, 120_000); // loading every docs instance takes seconds, more while other test files run

  it('is a page of its own docs instance, served at /teachers, and not a section of the course', () => {
    const page = docs.get('teachers')?.docs.find((d) => d.source === `@site/${GUIDE}`);
    expect(noTrailingSlash(page?.permalink ?? '')).toBe(GUIDE_ROUTE);
    expect(sections.length).toBeGreaterThanOrEqual(5);
    expect(sections.map((s) => noTrailingSlash(s.to))).not.toContain(GUIDE_ROUTE);
  });

  it('gives every section of the course (from docs/) at least three learning outcomes, with a link to it', () => {
    const outcomes = guide.match(/^## Learning outcomes \{#learning-outcomes\}\n([\s\S]*?)(?=^## )/m)?.[1] ?? '';
    const subsections = outcomes.split(/^### /m).slice(1);
    const missing = sections.flatMap((section) => {
      const route = noTrailingSlash(section.to);
      const sub = subsections.find((s) => s.includes(`](${route})`) || s.includes(`](${route}/)`));
      if (!sub) return [`"${section.title}" (${route}): no "### …" subsection under "## Learning outcomes" that links ${route}`];
      const bullets = sub.match(/^- /gm)?.length ?? 0;
      return bullets >= 3 ? [] : [`"${section.title}": ${bullets} outcomes, expected at least 3`];
    });
    expect(missing).toEqual([]);
  });

  it('links only pages and headings that the site builds', () => {
    expect(internalLinks(guide).length).toBeGreaterThan(20);
    expect(brokenLinks(guide, GUIDE_ROUTE, targets)).toEqual([]);
  });

  it('the link check finds a missing page, a missing heading and a file path (it can fail)', () => {
    const body = [
      '[ok](/lessons/edge-computing) [ok](#learning-outcomes) [ok](/labs/raspberry-pi-edge-impulse#parts-list)',
      '[a](/lessons/no-such-page) [b](/lessons/edge-computing#no-such-heading) [c](#nowhere) [d](./index.mdx)',
      '`[e](/in-code-is-not-a-link)` <Link to="/glossary/no-such-term">f</Link>',
    ].join('\n');
    expect(brokenLinks(body, GUIDE_ROUTE, targets)).toEqual([
      '/lessons/no-such-page: no page at /lessons/no-such-page',
      '/lessons/edge-computing#no-such-heading: /lessons/edge-computing has no heading {#no-such-heading}',
      '#nowhere: /teachers has no heading {#nowhere}',
      "./index.mdx: use the page's route (/lessons/…), not a file path",
      '/glossary/no-such-term: no page at /glossary/no-such-term',
    ]);
  });

  it('links the capstone and the progress page once they exist (until then a TODO marks the place)', () => {
    const capstone = docs.get('default')!.docs.find((d) => /(^|\/)capstone-gesture\.mdx?$/.test(d.source));
    const progressPage = fs.existsSync(path.join(ROOT, 'src/pages'))
      ? fs.readdirSync(path.join(ROOT, 'src/pages')).some((f) => /^progress(\.(tsx|jsx|mdx?|js)|$)/.test(f))
      : false;
    const links = new Set(internalLinks(guide).map((l) => noTrailingSlash(l.split('#')[0])));
    const problems: string[] = [];
    if (capstone && !links.has(noTrailingSlash(capstone.permalink))) problems.push(`the capstone exists: link ${capstone.permalink}`);
    if (progressPage && !links.has('/progress')) problems.push('the "My progress" page exists: link /progress');
    expect(problems).toEqual([]);
    if (!capstone || !progressPage) expect(guide).toMatch(/TODO\(lead\): link "My progress"/);
  });

  it('is linked from the home page, the footer and the README', () => {
    expect(fs.readFileSync(path.join(ROOT, 'src/pages/index.tsx'), 'utf8')).toMatch(/to="\/teachers"/);
    expect(fs.readFileSync(path.join(ROOT, 'docusaurus.config.ts'), 'utf8')).toMatch(/to: '\/teachers'/);
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toMatch(/teachers\/index\.mdx/);
  });
});
