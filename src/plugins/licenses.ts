/**
 * The licences a page may name in its front matter (`license: <SPDX id>`), with how to show them:
 * the ones below plus any a course adds in course.config.ts (`license.extra`).
 */
import { inLanguage } from '../i18n/language';
import course from '../../course.config';

export type LicenseInfo = {
  name: string;
  url: string;
  /** The licence's name and page in another language, by locale ("fr"), where the licensor offers one. */
  translations?: Record<string, { name: string; url: string }>;
};

const BUILT_IN: Record<string, LicenseInfo> = {
  'CC-BY-SA-4.0': {
    name: 'Creative Commons Attribution-ShareAlike 4.0 International',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    translations: {
      fr: {
        name: 'Creative Commons Attribution - Partage dans les Mêmes Conditions 4.0 International',
        url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr',
      },
    },
  },
  'CC-BY-4.0': {
    name: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    translations: {
      fr: { name: 'Creative Commons Attribution 4.0 International', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' },
    },
  },
  'CC0-1.0': {
    name: 'Creative Commons Zero 1.0 Universal (public domain dedication)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    translations: {
      fr: {
        name: 'Creative Commons Zéro 1.0 Universel (transfert dans le domaine public)',
        url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.fr',
      },
    },
  },
  MIT: {
    name: 'MIT License',
    url: 'https://opensource.org/license/mit',
    translations: { fr: { name: 'licence MIT', url: 'https://opensource.org/license/mit' } },
  },
  'Apache-2.0': { name: 'Apache License 2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
};

export const LICENSES: Record<string, LicenseInfo> = { ...BUILT_IN, ...(course.license.extra ?? {}) };

export function isKnownLicense(id: unknown): id is string {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(LICENSES, id);
}

/** A licence's name and address as a page in `locale` shows them (English where there is no translation). */
export function licenseIn(id: string, locale: string): { name: string; url: string } {
  const info = LICENSES[id];
  return inLanguage(info.translations ?? {}, locale) ?? info;
}
