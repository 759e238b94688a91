/**
 * The licences a page may name in its front matter (`license: <SPDX id>`), with how to show them:
 * the ones below plus any a course adds in course.config.ts (`license.extra`).
 */
import course from '../../course.config';

export type LicenseInfo = { name: string; url: string };

const BUILT_IN: Record<string, LicenseInfo> = {
  'CC-BY-SA-4.0': {
    name: 'Creative Commons Attribution-ShareAlike 4.0 International',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
  },
  'CC-BY-4.0': {
    name: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'CC0-1.0': {
    name: 'Creative Commons Zero 1.0 Universal (public domain dedication)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
  MIT: { name: 'MIT License', url: 'https://opensource.org/license/mit' },
  'Apache-2.0': { name: 'Apache License 2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
};

export const LICENSES: Record<string, LicenseInfo> = { ...BUILT_IN, ...(course.license.extra ?? {}) };

export function isKnownLicense(id: unknown): id is string {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(LICENSES, id);
}
