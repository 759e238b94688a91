/**
 * The route a progress record names: the page's path without the site's base URL, so a record
 * stays the same when a fork deploys under another base ("/ml/lessons/x" with base "/ml/" →
 * "/lessons/x"). No trailing slash, except for the home page "/".
 */
export function pageRoute(pathname: string, baseUrl: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  return `/${rest}`.replace(/\/+$/, '') || '/';
}
