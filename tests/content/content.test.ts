/**
 * Content checks a contributor gets before the (slower) build: front matter, licences, the lesson
 * skeleton, glossary links, code embeds and images. Each failure names the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentPages, readGlossary, termReferences } from '../../src/plugins/content-index';
import { isKnownLicense } from '../../src/plugins/licenses';

const ROOT = path.resolve(__dirname, '../..');
const pages = readContentPages(ROOT);
const glossary = readGlossary(ROOT, pages);

/** The MDX body without fenced code blocks, so examples of syntax are not checked as content. */
const prose = (body: string) => body.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');

describe('every page', () => {
  it('exists in each content space', () => {
    for (const dir of ['docs', 'glossary', 'labs']) expect(pages.some((p) => p.space.dir === dir)).toBe(true);
  });

  it('has a title, a description and a known licence', () => {
    const problems = pages.flatMap((p) => {
      const fm = p.frontMatter;
      const out: string[] = [];
      if (typeof fm.title !== 'string' || !fm.title.trim()) out.push(`${p.file}: no title`);
      if (typeof fm.description !== 'string' || !fm.description.trim()) out.push(`${p.file}: no description`);
      if (!isKnownLicense(fm.license)) out.push(`${p.file}: missing or unknown licence "${String(fm.license)}"`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('links only glossary terms that exist', () => {
    const problems = pages.flatMap((p) =>
      termReferences(p.body)
        .filter((id) => !glossary.has(id))
        .map((id) => `${p.file}: <Term id="${id}"> has no glossary/${id}.mdx`),
    );
    expect(problems).toEqual([]);
  });

  it('defines every footnote it cites (an undefined one prints as "[^id]" in the page)', () => {
    const problems = pages.flatMap((p) => {
      const body = prose(p.body);
      const defined = new Set([...body.matchAll(/^\[\^([^\]]+)\]:/gm)].map((m) => m[1]));
      const cited = new Set([...body.matchAll(/\[\^([^\]]+)\](?!:)/g)].map((m) => m[1]));
      return [...cited].filter((id) => !defined.has(id)).map((id) => `${p.file}: [^${id}] has no "[^${id}]: …" definition`);
    });
    expect(problems).toEqual([]);
  });

  it('imports no code as raw text: embeds name their entry and the build finds the files', () => {
    const problems = pages.flatMap((p) =>
      [...p.body.matchAll(/^import\s.*\?raw['"];?$/gm)].map(
        (m) => `${p.file}: "${m[0]}": write <RunnableCode entry="…" /> or <Exercise name="…" /> instead`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('gives every image alt text, and every image file exists', () => {
    const problems = pages.flatMap((p) => {
      const body = prose(p.body);
      const out: string[] = [];
      for (const m of body.matchAll(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g)) {
        if (!m[1].trim()) out.push(`${p.file}: image ${m[2]} has no alt text`);
        if (m[2].startsWith('/') && !fs.existsSync(path.join(ROOT, 'static', m[2])))
          out.push(`${p.file}: image ${m[2]} not found in static/`);
      }
      for (const m of body.matchAll(/<img\b[^>]*>/g)) {
        if (!/\balt=("[^"]+"|'[^']+'|\{[^}]+\})/.test(m[0])) out.push(`${p.file}: <img> without alt text`);
      }
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('names an entry (and no files) on every runnable embed, and an existing folder on every exercise', () => {
    const problems = pages.flatMap((p) => {
      const body = prose(p.body);
      const out: string[] = [];
      for (const m of body.matchAll(/<RunnableCode\b([^>]*?)\/?>/g)) {
        if (!/\bentry="[^"]+"/.test(m[1])) out.push(`${p.file}: <RunnableCode> without entry="…"`);
        if (/\bfiles=/.test(m[1])) out.push(`${p.file}: <RunnableCode> with a files map`);
      }
      for (const m of body.matchAll(/<Exercise\b[^>]*?\bname="([^"]+)"/g)) {
        for (const file of ['starter.ts', 'solution.ts', 'solution.test.ts']) {
          if (!fs.existsSync(path.join(ROOT, 'code/exercises', m[1], file)))
            out.push(`${p.file}: exercise ${m[1]} has no code/exercises/${m[1]}/${file}`);
        }
      }
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('gives every runnable embed an expected-output file next to its entry', () => {
    const problems = pages.flatMap((p) =>
      [...prose(p.body).matchAll(/<RunnableCode\b[\s\S]*?\bentry=["']([^"']+)["']/g)]
        .map((m) => m[1].replace(/^\/+/, ''))
        .filter((entry) => !fs.existsSync(path.join(ROOT, 'code', `${entry.replace(/\.ts$/, '')}.expected.txt`)))
        .map((entry) => `${p.file}: embed entry ${entry} has no code/${entry.replace(/\.ts$/, '')}.expected.txt`),
    );
    expect(problems).toEqual([]);
  });
});

describe('lesson and lab pages', () => {
  const lessons = pages.filter(
    (p) =>
      (p.space.dir === 'docs' || p.space.dir === 'labs') &&
      p.frontMatter.skeleton !== false &&
      !/(^|\/)index\.mdx?$/.test(p.file.replace(/^(docs|labs)\//, '')),
  );
  const sectionIndexes = pages.filter((p) => p.space.dir === 'docs' && /^docs\/[^/]+\/index\.mdx?$/.test(p.file));

  it('follow the lesson skeleton: objectives, prerequisites, recap, check your understanding', () => {
    const problems = [...lessons, ...sectionIndexes].flatMap((p) => {
      const body = prose(p.body);
      const required: [string, RegExp][] = [
        ['<YouWillLearn>', /<YouWillLearn>/],
        ['<Prerequisites>', /<Prerequisites>/],
        ['a "## Recap {#recap}" section with <Recap>', /^## Recap \{#recap\}[\s\S]*<Recap>/m],
        [
          '"## Check your understanding {#check-your-understanding}" with <Question> and <Answer>',
          /^## Check your understanding \{#check-your-understanding\}[\s\S]*<Question>[\s\S]*<Answer>/m,
        ],
      ];
      const out = required.filter(([, re]) => !re.test(body)).map(([what]) => `${p.file}: missing ${what}`);
      const learn = body.indexOf('<YouWillLearn>');
      const firstSection = body.search(/^## /m);
      if (learn >= 0 && firstSection >= 0 && learn > firstSection) out.push(`${p.file}: <YouWillLearn> must come before the first section`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('give every section heading a stable id', () => {
    const problems = pages
      .filter((p) => p.space.dir !== 'glossary')
      .flatMap((p) =>
        [...prose(p.body).matchAll(/^(#{2,3}) (.+)$/gm)]
          .filter((m) => !/\{#[a-z0-9-]+\}\s*$/.test(m[2]))
          .map((m) => `${p.file}: heading "${m[2]}" has no {#id}`),
      );
    expect(problems).toEqual([]);
  });
});

describe('glossary', () => {
  it('has at least 60 terms', () => {
    expect(glossary.size).toBeGreaterThanOrEqual(60);
  });

  it('gives each term a one-sentence definition of at most 160 characters', () => {
    const problems = [...glossary.values()]
      .filter((t) => t.definition.length === 0 || t.definition.length > 160)
      .map((t) => `glossary/${t.id}.mdx: definition is ${t.definition.length} characters`);
    expect(problems).toEqual([]);
  });

  it('relates terms only to terms that exist, and explains each in plain English with an example', () => {
    const problems = [...glossary.values()].flatMap((t) => {
      const page = pages.find((p) => p.route === t.route)!;
      const out = t.related.filter((r) => !glossary.has(r)).map((r) => `glossary/${t.id}.mdx: related "${r}" does not exist`);
      if (!/^## In plain English/m.test(page.body)) out.push(`glossary/${t.id}.mdx: no "## In plain English" section`);
      if (!/^## An everyday example/m.test(page.body)) out.push(`glossary/${t.id}.mdx: no "## An everyday example" section`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('knows which lessons use each term (generated from the <Term> links)', () => {
    const used = [...glossary.values()].filter((t) => t.usedIn.length > 0);
    expect(used.length).toBeGreaterThan(0);
    for (const t of used) for (const u of t.usedIn) expect(u.route).toMatch(/^\/(lessons|labs)/);
  });
});

describe('code files', () => {
  const allFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? allFiles(full) : [full];
    });

  /** REUSE.toml's annotations: a path glob and the licence of the files it matches. */
  const reuseAnnotations = (): { glob: RegExp; license: string }[] =>
    fs
      .readFileSync(path.join(ROOT, 'REUSE.toml'), 'utf8')
      .split('[[annotations]]')
      .slice(1)
      .map((block) => {
        const pathGlob = block.match(/^path = "(.+)"$/m)![1];
        const license = block.match(/^SPDX-License-Identifier = "(.+)"$/m)![1];
        const pattern = pathGlob
          .split('**/')
          .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
          .join('(?:.*/)?');
        return { glob: new RegExp(`^${pattern}$`), license };
      });

  it('every file in code/ names its licence: an SPDX header in its first lines, or an entry in REUSE.toml', () => {
    const annotations = reuseAnnotations();
    expect(annotations.length).toBeGreaterThan(0);
    const problems = allFiles(path.join(ROOT, 'code'))
      .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
      .filter((f) => {
        const header = /SPDX-License-Identifier: ([A-Za-z0-9.+-]+)/.exec(
          fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n').slice(0, 3).join('\n'),
        );
        if (header) return !isKnownLicense(header[1]);
        const annotation = annotations.find((a) => a.glob.test(f));
        return !annotation || !isKnownLicense(annotation.license);
      })
      .map((f) => `${f}: no known licence (add "SPDX-License-Identifier: MIT" in its first lines, or an entry in REUSE.toml)`);
    expect(problems).toEqual([]);
  });

  it('REUSE.toml globs match what they should (and only that)', () => {
    const annotations = reuseAnnotations();
    const licenseOf = (f: string) => annotations.find((a) => a.glob.test(f))?.license;
    expect(licenseOf('code/knn/demo-iris.expected.txt')).toBe('MIT');
    expect(licenseOf('code/data/iris.csv')).toBe('CC-BY-4.0');
    expect(licenseOf('code/data/other.csv')).toBeUndefined();
    expect(licenseOf('code/knn/knn.ts')).toBeUndefined();
  });
});

describe('dependencies', () => {
  it('pin KaTeX to exactly the version rehype-katex renders with (so CSS, fonts and HTML match)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    const copies = Object.keys(lock.packages).filter((p) => /(^|\/)node_modules\/katex$/.test(p));
    expect(copies).toEqual(['node_modules/katex']); // one copy, used by rehype-katex and the site's CSS
    expect(pkg.dependencies.katex).toBe(lock.packages['node_modules/katex'].version);
  });
});
