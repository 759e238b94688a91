/**
 * The exercises and quizzes each page holds are known at build time (src/plugins/course-progress.ts):
 * the sidebar ticks, the section index lists and /progress read them. Checked here on MDX text
 * and on the real docs, against the files in code/exercises/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocMetadata } from '@docusaurus/plugin-content-docs';
import { deriveProgressSections, practiceInMdx } from '../../src/plugins/course-progress';
import { permalinkKey } from '../../src/progress/practice';
import { loadSiteDocs, ROOT } from './docusaurus-docs';

describe('practiceInMdx', () => {
  it('finds exercises and quizzes in page order, with their titles', () => {
    const mdx = [
      '## Exercises {#exercises}',
      '',
      '<Exercise name="majority-vote" title="Count the votes &amp; break ties">',
      'Text with a `<Exercise name="in-inline-code">` mention.',
      '</Exercise>',
      '',
      '<Quiz id=\'knn-end\' title="What you know now" />',
      '<Quiz',
      '  id={"multi-line"}',
      '/>',
      '<Exercise name="no-title"></Exercise>',
    ].join('\n');
    expect(practiceInMdx(mdx, 'k-nearest neighbours')).toEqual([
      { kind: 'exercise', id: 'majority-vote', title: 'Count the votes & break ties' },
      { kind: 'quiz', id: 'knn-end', title: 'What you know now' },
      { kind: 'quiz', id: 'multi-line', title: 'Quiz: k-nearest neighbours' },
      { kind: 'exercise', id: 'no-title', title: 'no-title' },
    ]);
  });

  it('skips elements shown as examples in code blocks and comments', () => {
    const mdx = [
      '```mdx',
      '<Exercise name="in-a-fence" title="Example">',
      '```',
      '~~~~',
      '<Quiz id="in-a-tilde-fence" />',
      '~~~~',
      '<!-- <Exercise name="in-a-comment" /> -->',
      '{/* <Quiz id="in-an-mdx-comment" /> */}',
      '<Exercise name="real" title="Real">',
    ].join('\n');
    expect(practiceInMdx(mdx, 'Page').map((i) => i.id)).toEqual(['real']);
  });
});

describe('course-progress on the real site', () => {
  it('lists every section, and on each page exactly the exercises its MDX holds, each with a folder in code/exercises/', async () => {
    const docs = await loadSiteDocs();
    const read = (doc: DocMetadata) => fs.readFileSync(path.join(ROOT, doc.source.replace(/^@site\//, '')), 'utf8');
    const sections = deriveProgressSections(docs.get('default')!, 'lessons', [docs.get('labs')!], read);

    // Every folder of docs/ with an index page is a section, in sidebar order (as on the home page).
    const folders = fs
      .readdirSync(path.join(ROOT, 'docs'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(ROOT, 'docs', e.name, 'index.mdx')));
    expect(sections.filter((s) => /^\/lessons\/[^/]+\/?$/.test(s.to)).length).toBeGreaterThanOrEqual(folders.length);

    // Each page's exercises, compared with a plain search of its file for <Exercise name="…">.
    const byRoute = new Map(sections.flatMap((s) => s.pages).map((p) => [p.to, p.items]));
    let exercises = 0;
    for (const version of [docs.get('default')!, docs.get('labs')!]) {
      for (const doc of version.docs) {
        const expected = [...read(doc).matchAll(/^<Exercise name="([^"]+)"/gm)].map((m) => m[1]);
        const found = (byRoute.get(permalinkKey(doc.permalink)) ?? []).filter((i) => i.kind === 'exercise').map((i) => i.id);
        expect(found, doc.permalink).toEqual(expected);
        for (const id of found) expect(fs.existsSync(path.join(ROOT, 'code/exercises', id, 'starter.ts')), id).toBe(true);
        exercises += found.length;
      }
    }
    expect(exercises).toBeGreaterThanOrEqual(9);

    const training = sections.find((s) => s.title === 'Training ML algorithms')!;
    expect(training.pages.map((p) => p.title)).toEqual(expect.arrayContaining(['Linear regression', 'k-nearest neighbours']));
    // The page "How the code editor works" is not in a folder; it holds an exercise, so it is listed.
    expect(sections.some((s) => s.pages.some((p) => p.items.some((i) => i.id === 'majority-vote') && p.to.includes('code-editor')))).toBe(
      true,
    );
  });

  it('refuses two quizzes with the same id on different pages', () => {
    const doc = (id: string, permalink: string) => ({ id, permalink, title: id, sourceDirName: 'a', source: id }) as unknown as DocMetadata;
    const version = {
      docs: [doc('a/one', '/lessons/a/one'), doc('a/two', '/lessons/a/two')],
      sidebars: {
        lessons: [
          {
            type: 'category',
            label: 'A',
            items: [
              { type: 'doc', id: 'a/one' },
              { type: 'doc', id: 'a/two' },
            ],
          },
        ],
      },
    };
    expect(() => deriveProgressSections(version as never, 'lessons', [], () => '<Quiz id="same" />')).toThrow(
      'course-progress: the quiz id "same" is used on /lessons/a/one and on /lessons/a/two; each quiz needs its own id.',
    );
  });
});
