/**
 * The home page's list of sections, from the lessons themselves: no React edit to add one.
 *
 * After every content plugin has loaded, this plugin reads what the docs plugin loaded (the same
 * data the sidebar is built from) and publishes, as global data, one entry per section: each
 * top-level folder of docs/ in sidebar order (`sidebar_position` of its index page, or the
 * folder's `_category_.json` position, or a number prefix), with the index page's `title`,
 * `description` and address. A folder without an index page can have a `_category_.json` with
 * `"link": { "type": "generated-index", "description": "…" }`: its label and description are
 * used. Top-level pages that are not in a folder (the lessons' home, "How the code editor
 * works") are not sections. `more` lists the home pages of other docs instances (the labs).
 *
 * src/pages/index.tsx reads it with `usePluginData('course-sections')`; a few hundred bytes of
 * JSON, no extra request. tests/content/course-sections.test.ts runs this on a fixture docs folder.
 */
import type { Plugin } from '@docusaurus/types';
import type { LoadedContent, LoadedVersion, DocMetadata } from '@docusaurus/plugin-content-docs';

export type CourseSection = { title: string; description: string; to: string };
export type CourseSectionsData = { sections: CourseSection[]; more: CourseSection[] };
export type CourseSectionsOptions = {
  /** The docs instance and sidebar whose top-level folders are the course's sections. */
  sidebar?: { pluginId: string; sidebarId: string };
  /** Other docs instances whose home page (slug "/") gets a card after the sections. */
  more?: string[];
};

export type SidebarItem = {
  type: string;
  id?: string;
  label?: string;
  items?: SidebarItem[];
  link?: { type: 'doc'; id: string } | { type: 'generated-index'; permalink: string; title?: string; description?: string };
};

const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';

/** "3. Algorithms" → "Algorithms": the home page numbers the sections itself. */
const withoutNumber = (label: string) => label.replace(/^\s*\d+\s*[.)-]\s*/, '');

function fromDoc(doc: DocMetadata): CourseSection {
  return { title: doc.title, description: doc.description, to: doc.permalink };
}

/** The sections of one sidebar: its top-level folders, in sidebar order. */
export function deriveSections(version: Pick<LoadedVersion, 'docs' | 'sidebars'>, sidebarId: string): CourseSection[] {
  const docs = new Map(version.docs.map((doc) => [doc.id, doc]));
  const sidebar = version.sidebars[sidebarId] as SidebarItem[] | undefined;
  if (!sidebar) {
    throw new Error(
      `course-sections: the docs have no sidebar "${sidebarId}" (sidebars: ${Object.keys(version.sidebars).join(', ') || 'none'}).`,
    );
  }
  const firstDoc = (items: SidebarItem[] = []): DocMetadata | undefined => {
    for (const item of items) {
      const found = item.type === 'doc' && item.id ? docs.get(item.id) : item.type === 'category' ? firstDoc(item.items) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  const sections: CourseSection[] = [];
  for (const item of sidebar) {
    if (item.type === 'doc' && item.id) {
      // A folder whose only page is its index shows in the sidebar as that page.
      const doc = docs.get(item.id);
      if (doc && doc.sourceDirName !== '.') sections.push(fromDoc(doc));
    } else if (item.type === 'category') {
      const link = item.link;
      if (link?.type === 'doc') {
        const doc = docs.get(link.id);
        if (doc) sections.push(fromDoc(doc));
      } else if (link?.type === 'generated-index') {
        sections.push({ title: withoutNumber(link.title ?? item.label ?? ''), description: link.description ?? '', to: link.permalink });
      } else {
        const doc = firstDoc(item.items);
        if (doc) sections.push({ title: withoutNumber(item.label ?? doc.title), description: doc.description, to: doc.permalink });
      }
    }
  }
  return sections;
}

/** The page a docs instance serves at its root (slug "/"), as a card. */
export function spaceHome(version: Pick<LoadedVersion, 'docs'>): CourseSection | undefined {
  const home = version.docs.find((doc) => doc.slug === '/');
  return home && fromDoc(home);
}

export default function courseSectionsPlugin(_context: unknown, options: CourseSectionsOptions = {}): Plugin {
  const { sidebar = { pluginId: 'default', sidebarId: 'lessons' }, more = [] } = options;
  return {
    name: 'course-sections',
    async allContentLoaded({ allContent, actions }) {
      const instances = (allContent[DOCS_PLUGIN] ?? {}) as Record<string, LoadedContent | undefined>;
      const version = (id: string): LoadedVersion => {
        const loaded = instances[id]?.loadedVersions[0];
        if (!loaded) throw new Error(`course-sections: no docs plugin with id "${id}" (docusaurus.config.ts).`);
        return loaded;
      };
      const data: CourseSectionsData = {
        sections: deriveSections(version(sidebar.pluginId), sidebar.sidebarId),
        more: more.flatMap((id) => spaceHome(version(id)) ?? []),
      };
      actions.setGlobalData(data);
    },
  };
}
