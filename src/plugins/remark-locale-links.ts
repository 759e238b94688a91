/**
 * Links between pages in a translated edition, while some pages are not translated yet.
 *
 * Docusaurus resolves a relative link (`./accuracy.mdx`) from the folder of the file being
 * compiled. In `/fr/`, an untranslated page is compiled from the English folder and a translated
 * one from i18n/fr/…: a link from one to the other then names a file that has no page in that
 * locale, and the build fails. Written relative to the content folder (`/accuracy.mdx`), the
 * same link is looked up in the translation first and then in English (Docusaurus's
 * resolveMarkdownLinks tries both content paths), so every link resolves, translated or not.
 *
 * Runs before Docusaurus's own remark plugins, in non-default locales only; English pages are
 * compiled exactly as written. tests/content/locale-links.test.ts.
 */
import path from 'node:path';
import { CONTENT_SPACES, currentLocale, DEFAULT_LOCALE, translatedDir } from './content-index';

type Node = { type: string; url?: string; children?: Node[] };
type VFileLike = { path?: string };

const RELATIVE_MARKDOWN = /^(\.{1,2}\/[^?#]*\.mdx?)(#.*)?$/;

/** The content folder (English or translated) that holds `file`, if any. */
export function contentRootOf(siteDir: string, file: string, locale: string): string | undefined {
  for (const space of CONTENT_SPACES) {
    for (const dir of [translatedDir(space, locale), space.dir]) {
      const root = path.join(siteDir, dir);
      if (file.startsWith(root + path.sep)) return root;
    }
  }
  return undefined;
}

/** `./x.mdx#a` in `file` → `/x.mdx#a` relative to its content folder; unchanged if it leaves the folder. */
export function rootRelative(url: string, file: string, root: string): string {
  const match = RELATIVE_MARKDOWN.exec(url);
  if (!match) return url;
  const target = path.resolve(path.dirname(file), decodeURIComponent(match[1]));
  const relative = path.relative(root, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return url;
  return `/${relative.split(path.sep).join('/')}${match[2] ?? ''}`;
}

export default function remarkLocaleLinks(options: { siteDir: string }) {
  return (tree: Node, file: VFileLike) => {
    const locale = currentLocale();
    if (locale === DEFAULT_LOCALE || !file.path) return;
    const root = contentRootOf(options.siteDir, file.path, locale);
    if (!root) return;
    const visit = (node: Node) => {
      if ((node.type === 'link' || node.type === 'definition') && node.url) node.url = rootRelative(node.url, file.path!, root);
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
