/**
 * The home page's sections come from docs/ (src/plugins/course-sections.ts): a teacher adds a
 * folder with an index page and it is listed, in sidebar order, with no React edit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import matter from 'gray-matter';
import { deriveSections, spaceHome } from '../../src/plugins/course-sections';
import { loadFixtureDocs, loadSiteDocs, ROOT } from './docusaurus-docs';

const FIXTURE = path.join(ROOT, 'tests/fixtures/course-sections');

describe('course sections', () => {
  it('lists every top-level folder of a docs fixture, in sidebar order, whatever its shape', async () => {
    const version = await loadFixtureDocs(FIXTURE, { path: 'docs', routeBasePath: 'lessons' });
    expect(deriveSections(version, 'defaultSidebar')).toEqual([
      { title: 'First section', description: 'A folder whose only page is its index.', to: '/lessons/first/' },
      {
        title: 'Second section',
        description: 'A folder with an index page and a lesson; position from its number prefix.',
        to: '/lessons/second/',
      },
      {
        title: 'Third section',
        description: 'A folder with no index page: label and description from _category_.json.',
        to: '/lessons/category/3-third-section',
      },
      { title: 'A new section', description: 'Added as a folder with an index page, and nothing else.', to: '/lessons/new-section/' },
    ]);
    expect(spaceHome(version)).toEqual({ title: 'Lessons', description: "The lessons' home.", to: '/lessons/' });
  });

  it('names a sidebar that does not exist', async () => {
    const version = await loadFixtureDocs(FIXTURE, { path: 'docs', routeBasePath: 'lessons' });
    expect(() => deriveSections(version, 'lessons')).toThrow(
      'course-sections: the docs have no sidebar "lessons" (sidebars: defaultSidebar)',
    );
  });

  it('on the real site, lists each folder of docs/ that has an index page, with its title and description', async () => {
    const docs = await loadSiteDocs();
    const sections = deriveSections(docs.get('default')!, 'lessons');
    const folders = fs
      .readdirSync(path.join(ROOT, 'docs'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(ROOT, 'docs', e.name, 'index.mdx')))
      .map((e) => matter(fs.readFileSync(path.join(ROOT, 'docs', e.name, 'index.mdx'), 'utf8')).data)
      .sort((a, b) => Number(a.sidebar_position) - Number(b.sidebar_position));
    expect(sections.map((s) => s.title)).toEqual(folders.map((fm) => fm.title));
    expect(sections.map((s) => s.description)).toEqual(folders.map((fm) => fm.description));
    expect(spaceHome(docs.get('labs')!)?.to).toBe('/labs/');
  });
});
