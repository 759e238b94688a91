/**
 * What a student can complete on each page, known at build time: the `<Exercise name="…">` and
 * `<Quiz id="…">` elements of every lessons and labs page, grouped by section in sidebar order.
 *
 * After every content plugin has loaded, this plugin reads the source of each doc (the same docs
 * the sidebar is built from) and publishes, as global data, one entry per section: each
 * top-level folder of docs/ (its index page first, then its pages in sidebar order), then any
 * top-level page or other docs instance (the labs) that holds an exercise or a quiz. Only pages
 * that hold one are listed under a section.
 *
 * The theme reads it with `usePluginData('course-progress')` to put ticks in the sidebar and on
 * each section's index page; the "My progress" page (src/pages/progress.tsx) lists it with what
 * this browser recorded (src/progress/store.ts). tests/content/course-progress.test.ts runs the
 * collection on the real docs; tests/browser/progress.test.ts compares it with the built pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';
import type { LoadedContent, LoadedVersion, DocMetadata } from '@docusaurus/plugin-content-docs';
import { permalinkKey } from '../progress/practice';
import type { SidebarItem } from './course-sections';
import { currentLocale } from './content-index';
import { inLanguageOrEnglish } from '../i18n/language';

/** The heading of pages that hold practice but are in no section, by language. */
const OTHER_PAGES = { en: 'Other pages', fr: 'Autres pages' };

export type PracticeItem = {
  kind: 'exercise' | 'quiz';
  /** The exercise's folder name in code/exercises/, or the quiz's id: the key progress is kept under. */
  id: string;
  title: string;
};
export type PracticePage = { title: string; to: string; items: PracticeItem[] };
export type PracticeSection = {
  title: string;
  /** The section's index page (a folder's index.mdx or generated index), or the page itself. */
  to: string;
  /** The section's pages that hold an exercise or a quiz, in sidebar order. */
  pages: PracticePage[];
};
export type CourseProgressData = { sections: PracticeSection[] };
export type CourseProgressOptions = {
  /** The docs instance and sidebar whose top-level folders are the course's sections. */
  sidebar?: { pluginId: string; sidebarId: string };
  /** Other docs instances, each listed as one section (titled by its home page) when it holds practice. */
  more?: string[];
};

const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';

/** "3. Algorithms" → "Algorithms". */
const withoutNumber = (label: string) => label.replace(/^\s*\d+\s*[.)-]\s*/, '');

/**
 * The MDX with what cannot hold a live element blanked out (fenced code, inline code, comments),
 * line breaks kept: an `<Exercise>` shown as an example in a code block is not an exercise.
 */
function withoutCodeAndComments(mdx: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  const lines = mdx.split('\n');
  let fence: string | undefined;
  const kept = lines.map((line) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line;
  });
  return kept
    .join('\n')
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/(`+)[\s\S]*?\1/g, blank);
}

const ELEMENT = /<(Exercise|Quiz)\b((?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*)>/g;
const ATTRIBUTE = /([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*"([^"]*)"\s*\}|\{\s*'([^']*)'\s*\})/g;

const decodeEntities = (text: string) =>
  text.replace(/&(#x[\da-f]+|#\d+|amp|quot|apos|lt|gt);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : ({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' } as Record<string, string>)[e.toLowerCase()],
  );

/**
 * The exercises and quizzes of one page's MDX, in page order: `<Exercise name="…" title="…">`
 * and `<Quiz id="…" title="…">` with string attributes. An exercise without a title is named by
 * its folder; a quiz without a title is called "Quiz: <page title>".
 */
export function practiceInMdx(mdx: string, pageTitle: string): PracticeItem[] {
  const items: PracticeItem[] = [];
  for (const match of withoutCodeAndComments(mdx).matchAll(ELEMENT)) {
    const attributes = new Map<string, string>();
    for (const a of match[2].matchAll(ATTRIBUTE)) attributes.set(a[1], decodeEntities(a[2] ?? a[3] ?? a[4] ?? a[5]));
    if (match[1] === 'Exercise') {
      const id = attributes.get('name');
      if (id) items.push({ kind: 'exercise', id, title: attributes.get('title') ?? id });
    } else {
      const id = attributes.get('id');
      if (id) items.push({ kind: 'quiz', id, title: attributes.get('title') ?? `Quiz: ${pageTitle}` });
    }
  }
  return items;
}

/** A doc's source file on disk: '@site/docs/a.mdx' → <siteDir>/docs/a.mdx. */
const sourceFile = (siteDir: string, doc: DocMetadata) => path.join(siteDir, doc.source.replace(/^@site\//, ''));

/**
 * The sections of the course and the practice on their pages. `read` gives a doc's MDX (the
 * plugin reads the file; tests pass text).
 */
export function deriveProgressSections(
  main: Pick<LoadedVersion, 'docs' | 'sidebars'>,
  sidebarId: string,
  others: Pick<LoadedVersion, 'docs' | 'sidebars'>[],
  read: (doc: DocMetadata) => string,
): PracticeSection[] {
  const practice = new Map<string, PracticeItem[]>();
  const pageOf = (doc: DocMetadata): PracticePage => {
    let items = practice.get(doc.permalink);
    if (!items) {
      items = practiceInMdx(read(doc), doc.title);
      practice.set(doc.permalink, items);
    }
    return { title: doc.title, to: permalinkKey(doc.permalink), items };
  };

  const docsOf = (version: Pick<LoadedVersion, 'docs'>) => new Map(version.docs.map((doc) => [doc.id, doc]));
  /** The docs of a sidebar subtree in sidebar order, a category's own page before its items. */
  const docsIn = (items: SidebarItem[], docs: Map<string, DocMetadata>): DocMetadata[] =>
    items.flatMap((item) => {
      if (item.type === 'doc' && item.id) return docs.get(item.id) ?? [];
      if (item.type !== 'category') return [];
      const own = item.link?.type === 'doc' ? (docs.get(item.link.id) ?? []) : [];
      return [own, ...docsIn(item.items ?? [], docs)].flat();
    });
  const withPractice = (docs: DocMetadata[]) => docs.map(pageOf).filter((page) => page.items.length > 0);

  const docs = docsOf(main);
  const sidebar = main.sidebars[sidebarId] as SidebarItem[] | undefined;
  if (!sidebar) {
    throw new Error(
      `course-progress: the docs have no sidebar "${sidebarId}" (sidebars: ${Object.keys(main.sidebars).join(', ') || 'none'}).`,
    );
  }
  const sections: PracticeSection[] = [];
  const listed = new Set<string>();
  for (const item of sidebar) {
    const inItem = docsIn([item], docs);
    inItem.forEach((doc) => listed.add(doc.id));
    if (item.type === 'category') {
      const own = item.link?.type === 'doc' ? docs.get(item.link.id) : undefined;
      const title =
        own?.title ?? withoutNumber(item.link?.type === 'generated-index' ? (item.link.title ?? item.label ?? '') : (item.label ?? ''));
      const to = permalinkKey(
        own?.permalink ?? (item.link?.type === 'generated-index' ? item.link.permalink : (inItem[0]?.permalink ?? '')),
      );
      sections.push({ title, to, pages: withPractice(inItem) });
    } else if (item.type === 'doc') {
      // A folder whose only page is its index shows in the sidebar as that page: a section.
      const doc = inItem[0];
      if (!doc) continue;
      const pages = withPractice([doc]);
      if (doc.sourceDirName !== '.' || pages.length > 0) sections.push({ title: doc.title, to: permalinkKey(doc.permalink), pages });
    }
  }
  const unlisted = withPractice(main.docs.filter((doc) => !listed.has(doc.id)));
  if (unlisted.length > 0) sections.push({ title: inLanguageOrEnglish(OTHER_PAGES, currentLocale()), to: unlisted[0].to, pages: unlisted });

  for (const version of others) {
    const byId = docsOf(version);
    const ordered = Object.values(version.sidebars).flatMap((items) => docsIn(items as SidebarItem[], byId));
    const inOrder = [...new Set([...ordered, ...version.docs])];
    const pages = withPractice(inOrder);
    const home = version.docs.find((doc) => doc.slug === '/') ?? inOrder[0];
    if (pages.length > 0 && home) sections.push({ title: home.title, to: permalinkKey(home.permalink), pages });
  }

  const quizPages = new Map<string, string>();
  for (const page of sections.flatMap((s) => s.pages)) {
    for (const item of page.items) {
      if (item.kind !== 'quiz') continue;
      const other = quizPages.get(item.id);
      if (other && other !== page.to) {
        throw new Error(`course-progress: the quiz id "${item.id}" is used on ${other} and on ${page.to}; each quiz needs its own id.`);
      }
      quizPages.set(item.id, page.to);
    }
  }
  return sections;
}

export default function courseProgressPlugin(context: { siteDir: string }, options: CourseProgressOptions = {}): Plugin {
  const { sidebar = { pluginId: 'default', sidebarId: 'lessons' }, more = [] } = options;
  return {
    name: 'course-progress',
    async allContentLoaded({ allContent, actions }) {
      const instances = (allContent[DOCS_PLUGIN] ?? {}) as Record<string, LoadedContent | undefined>;
      const version = (id: string): LoadedVersion => {
        const loaded = instances[id]?.loadedVersions[0];
        if (!loaded) throw new Error(`course-progress: no docs plugin with id "${id}" (docusaurus.config.ts).`);
        return loaded;
      };
      const read = (doc: DocMetadata) => fs.readFileSync(sourceFile(context.siteDir, doc), 'utf8');
      const data: CourseProgressData = {
        sections: deriveProgressSections(version(sidebar.pluginId), sidebar.sidebarId, more.map(version), read),
      };
      actions.setGlobalData(data);
    },
  };
}
