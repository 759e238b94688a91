import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type { Options as DocsOptions } from '@docusaurus/plugin-content-docs';
import { themes as prismThemes } from 'prism-react-renderer';
import remarkMath from 'remark-math';
import { inLanguageOrEnglish } from './src/i18n/language';
import course from './course.config';
import remarkCourse from './src/plugins/remark-course';
import remarkEmbeds from './src/plugins/remark-embeds';
import rehypeStaticMath from './src/plugins/rehype-static-math';
import rehypePrintLinks from './src/plugins/rehype-print-links';
import remarkLocaleLinks from './src/plugins/remark-locale-links';
import { alphabeticalGlossary } from './src/plugins/glossary-order';
import { CONTENT_SPACES, currentLocale } from './src/plugins/content-index';
import { ssrTemplate } from './src/plugins/ssr-template';
import { checkCourseConfig, showSolutions } from './src/plugins/course-config-check';

checkCourseConfig(course, process.env);

/** The language being built: Docusaurus loads this file once per locale (`npm start -- --locale fr`). */
const LOCALE = currentLocale();
/** The course's wording in that language (course.config.ts `translations`), English where it has none. */
const wording = {
  title: course.title,
  tagline: course.tagline,
  organisation: course.organisation,
  attribution: course.license.attribution,
  ...course.translations?.[LOCALE],
};
/**
 * The words this file writes, by language (a new language adds its entry; CONTRIBUTING.md): the
 * footer's licence line and, where the language is not English, the footnotes' hidden heading and
 * back links (remark-rehype writes them in English otherwise).
 */
const SITE_WORDS = {
  en: {
    copyright: `${wording.organisation}. Text and figures: ${course.license.content}; code: ${course.license.code}. Each page states its own licence.`,
    footnotes: undefined,
  },
  fr: {
    copyright: `${wording.organisation}. Textes et figures\u00a0: ${course.license.content}; code\u00a0: ${course.license.code}. Chaque page indique sa propre licence.`,
    footnotes: {
      footnoteLabel: 'Notes',
      footnoteBackLabel: (reference: number, rereference: number) =>
        `Retour à la référence ${reference + 1}${rereference > 1 ? `-${rereference}` : ''}`,
    },
  },
};
const siteWords = inLanguageOrEnglish<{ copyright: string; footnotes?: object }>(SITE_WORDS, LOCALE);
/** Exercise solutions in this build: course.config.ts, or SHOW_SOLUTIONS=true|false for one deploy. */
const SHOW_SOLUTIONS = showSolutions(course, process.env);

/** Deploys set the public address without editing course.config.ts (the Pages workflow does). */
const SITE_URL = process.env.SITE_URL ?? course.url;
/** The path under SITE_URL, e.g. /ml-on-the-edge/ for a project page on GitHub Pages. */
const BASE_URL = process.env.BASE_URL ?? course.baseUrl;

const siteDir = __dirname;
const editUrl = course.repository.url ? `${course.repository.url}/edit/${course.repository.branch}/` : undefined;

/** Options every content space shares: maths, licence and glossary checks, code embeds, edit links. */
function contentOptions(dir: string, extra: Partial<DocsOptions> = {}): DocsOptions {
  const space = CONTENT_SPACES.find((s) => s.dir === dir)!;
  return {
    path: space.dir,
    routeBasePath: space.routeBasePath,
    editUrl,
    showLastUpdateTime: false,
    // Links between translated and untranslated pages of /fr/ (see the plugin).
    beforeDefaultRemarkPlugins: [[remarkLocaleLinks, { siteDir }]],
    remarkPlugins: [
      remarkMath,
      [remarkCourse, { siteDir, glossary: dir === 'glossary' }],
      [remarkEmbeds, { siteDir, hideSolutions: !SHOW_SOLUTIONS }],
    ],
    rehypePlugins: [[rehypeStaticMath, { siteDir }], rehypePrintLinks],
    ...extra,
  } as DocsOptions;
}

const config = {
  title: wording.title,
  tagline: wording.tagline,
  favicon: 'img/favicon.svg',
  url: SITE_URL,
  baseUrl: BASE_URL,
  trailingSlash: false,
  ssrTemplate,

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    // `## Title {#stable-id}` heading ids (CONTRIBUTING.md); v4 turns this MDX 1 syntax off by default.
    mdx1Compat: { comments: true, admonitions: true, headingIds: true },
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
    // Footnotes: the hidden heading and the back links' names in the page's language.
    ...(siteWords.footnotes && { remarkRehypeOptions: siteWords.footnotes }),
  },

  // The French edition (Quebec French) under /fr/: pages in i18n/fr/, interface strings in
  // i18n/fr/code.json and the theme's JSON files. CONTRIBUTING.md explains how to add a language.
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'fr'],
    localeConfigs: {
      en: { label: 'English', htmlLang: 'en' },
      fr: { label: 'Français', htmlLang: 'fr-CA' },
    },
  },

  future: {
    v4: true,
    // Rspack and SWC: a build in a fraction of webpack's time.
    faster: {
      swcJsLoader: true,
      swcJsMinimizer: true,
      swcHtmlMinimizer: true,
      lightningCssMinimizer: true,
      mdxCrossCompilerCache: true,
      rspackBundler: true,
      ssgWorkerThreads: true,
      gitEagerVcs: true,
      // No persistent build cache. Pages are built from one another (a lesson's term tooltips
      // from the glossary, a glossary page's "Used in" list from the lessons), a dependency the
      // cache cannot see: it kept a stale glossary page on the server side, and hydration failed.
      // A full build takes about 15 s.
      rspackPersistentCache: false,
    },
  },

  customFields: {
    showSolutions: SHOW_SOLUTIONS,
    license: { ...course.license, attribution: wording.attribution },
    organisation: wording.organisation,
    repository: course.repository,
  },

  clientModules: [
    require.resolve('katex/dist/katex.min.css'),
    require.resolve('./src/client/idle-prefetch.ts'),
    require.resolve('./src/client/hydration.ts'),
    require.resolve('./src/client/scroll-regions.ts'),
  ],

  presets: [
    [
      'classic',
      {
        docs: contentOptions('docs', { sidebarPath: './sidebars.ts' }),
        blog: false,
        theme: { customCss: ['./src/css/custom.css', './src/css/print.css'] },
        sitemap: { changefreq: 'weekly', priority: 0.5 },
      } satisfies Preset.Options,
    ],
  ],

  plugins: [
    ['./src/plugins/raw-source.ts', { hideSolutions: !SHOW_SOLUTIONS }],
    './src/plugins/font-files.ts',
    './src/plugins/lean-client.ts',
    './src/plugins/quiet-build.ts',
    // Search finds words with or without their accents ("elagage", "élagage"): patches the search theme's lunr.
    './src/plugins/search-folding.ts',
    // Offline after the first visit (a service worker precaches the whole course) and installable.
    ['./src/plugins/offline.ts', { name: wording.title, description: wording.tagline, themeColor: '#1b6e5a', darkThemeColor: '#1b1b1d' }],
    // The home page's list of sections, from docs/ (its folders' index pages, in sidebar order).
    ['./src/plugins/course-sections.ts', { sidebar: { pluginId: 'default', sidebarId: 'lessons' }, more: ['labs'] }],
    // The exercises and quizzes of each page, by section: sidebar ticks, section lists, /progress.
    ['./src/plugins/course-progress.ts', { sidebar: { pluginId: 'default', sidebarId: 'lessons' }, more: ['labs'] }],
    // Terms in the alphabetical order of their titles in the page's language (file names stay English).
    [
      '@docusaurus/plugin-content-docs',
      { id: 'glossary', ...contentOptions('glossary', { sidebarItemsGenerator: alphabeticalGlossary(LOCALE) }) },
    ],
    ['@docusaurus/plugin-content-docs', { id: 'labs', ...contentOptions('labs') }],
    // The teacher's guide: one page, no sidebar; not a section of the course (course-sections reads docs/ only).
    ['@docusaurus/plugin-content-docs', { id: 'teachers', ...contentOptions('teachers', { sidebarPath: false }) }],
  ],

  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        // Offline search over the three content spaces; the index ships with the site.
        hashed: true,
        language: ['en', 'fr'],
        docsDir: ['docs', 'glossary', 'labs', 'teachers'],
        docsRouteBasePath: ['lessons', 'glossary', 'labs', 'teachers'],
        indexBlog: false,
        indexPages: false,
        highlightSearchTermsOnTargetPage: false,
        explicitSearchResultPath: true,
        searchBarShortcutHint: true,
      },
    ],
  ],

  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: wording.title,
      logo: { alt: '', src: 'img/logo.svg', width: 32, height: 32 },
      items: [
        { type: 'docSidebar', sidebarId: 'lessons', position: 'left', label: 'Lessons' },
        { to: '/glossary', label: 'Glossary', position: 'left', activeBaseRegex: '^/glossary' },
        { to: '/labs', label: 'Labs', position: 'left', activeBaseRegex: '^/labs' },
        { to: '/progress', label: 'My progress', position: 'right' },
        ...(course.repository.url ? [{ href: course.repository.url, label: 'Source', position: 'right' as const }] : []),
        { type: 'localeDropdown', position: 'right' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Course',
          items: [
            { label: 'Lessons', to: '/lessons' },
            { label: 'Glossary', to: '/glossary' },
            { label: 'Labs', to: '/labs' },
            { label: "Teacher's guide", to: '/teachers' },
            { label: 'My progress', to: '/progress' },
            { label: 'Print and PDF', to: '/pdf' },
          ],
        },
      ],
      // Written here, per language, from course.config.ts (not in i18n/<locale>/…/footer.json).
      copyright: siteWords.copyright,
    },
    prism: {
      // Both pass WCAG AA contrast for every token colour on their own backgrounds, once vsDark's
      // constants (ALL_CAPS names: rgb(100, 102, 149), 3.1:1 on #1E1E1E) take VS Code's own
      // dark-theme constant colour (#4FC1FF, 8.3:1).
      theme: prismThemes.vsLight,
      darkTheme: {
        ...prismThemes.vsDark,
        styles: prismThemes.vsDark.styles.map((s) =>
          s.types.includes('constant') ? { ...s, style: { ...s.style, color: '#4FC1FF' } } : s,
        ),
      },
    },
    tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
  } satisfies Preset.ThemeConfig,
} satisfies Config;

export default config;
