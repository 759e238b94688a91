/**
 * Whether the page is still being hydrated: the first render in the browser, over the HTML the
 * server sent. A client module: Docusaurus loads it before the first render and calls
 * `onRouteDidUpdate` after each route renders, the first time right after hydration.
 *
 * `npm start` (development) sends an empty page and renders everything in the browser: there is
 * no server HTML to keep, so this is never true there.
 */
const serverRendered = typeof document !== 'undefined' && !!document.getElementById('__docusaurus')?.firstElementChild;
let hydrated = false;

export function isHydrating(): boolean {
  return serverRendered && !hydrated;
}

export function onRouteDidUpdate(): void {
  hydrated = true;
}
