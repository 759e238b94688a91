/**
 * The one file a teacher edits to make this course their own.
 *
 * Fork the repository, change the values below, push: the site, its "Edit this page" links,
 * the licence notice on every page and the deploy all follow. `SITE_URL` and `BASE_URL`
 * environment variables override `url` and `baseUrl` at build time (the GitHub Pages workflow
 * sets them for you).
 */
export type CourseConfig = {
  /** Shown in the navbar, the browser tab and search results. */
  title: string;
  /** One line under the title on the home page. */
  tagline: string;
  /** Who runs this copy of the course (a school, a department, a person). */
  organisation: string;
  /** Where the site is published, without a trailing slash, e.g. https://example.github.io */
  url: string;
  /** The path under `url`, with leading and trailing slashes, e.g. /ml-on-the-edge/ */
  baseUrl: string;
  /** The source repository, for "Edit this page" links. Leave empty to hide them. */
  repository: { url: string; branch: string };
  /** Licences: SPDX ids (see src/plugins/licenses.ts for the ids the site knows). */
  license: {
    /** The default for prose, figures and data (a page may name another in its front matter). */
    content: string;
    /** The licence of the code in code/, src/ and tests/. */
    code: string;
    /** The attribution line shown under every page. */
    attribution: string;
    /**
     * Licences this course uses that the site does not list yet (src/plugins/licenses.ts), by
     * SPDX id, e.g. { 'CC-BY-NC-SA-4.0': { name: 'Creative Commons Attribution-NonCommercial-
     * ShareAlike 4.0 International', url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/' } }.
     */
    extra?: Record<string, { name: string; url: string }>;
  };
  /**
   * Show exercise solutions to readers (turn off while an assignment is open: the solutions are
   * then left out of the built site altogether). The SHOW_SOLUTIONS environment variable
   * (true/false) overrides it at build time.
   */
  showSolutions: boolean;
  /**
   * The course's wording in the site's other languages, by locale (the French edition is `fr`):
   * whatever is left out stays as above. Page translations live in i18n/<locale>/ (CONTRIBUTING.md).
   */
  translations?: Record<string, { title?: string; tagline?: string; organisation?: string; attribution?: string }>;
};

const course: CourseConfig = {
  title: 'ML on the Edge',
  tagline:
    'What machine learning is, why it moves to small devices, and how kNN, linear regression and a neural network learn: with code you edit and run in the page.',
  organisation: 'ML on the Edge contributors',
  url: 'https://ml-on-the-edge.github.io',
  baseUrl: '/',
  repository: { url: 'https://github.com/ml-on-the-edge/ml-on-the-edge', branch: 'main' },
  license: {
    content: 'CC-BY-SA-4.0',
    code: 'MIT',
    attribution:
      'ML on the Edge contributors, inspired by "Exploring Machine Learning on an Internet of Things Edge Cluster" (Dawson College AI community of practice, 2021–2022).',
  },
  showSolutions: true,
  translations: {
    // The course's name stays "ML on the Edge" in French too: a proper name, like the repository's.
    fr: {
      tagline:
        'Ce qu’est l’apprentissage automatique, pourquoi il migre vers de petits appareils, et comment apprennent les k plus proches voisins, la régression linéaire et un réseau de neurones\u00a0: avec du code à modifier et à exécuter dans la page.',
      organisation: 'Les contributeurs et contributrices de ML on the Edge',
      attribution:
        'Les contributeurs et contributrices de ML on the Edge, d’après « Exploring Machine Learning on an Internet of Things Edge Cluster » (communauté de pratique en IA du Collège Dawson, 2021-2022).',
    },
  },
};

export default course;
