/**
 * Whether the page is still being hydrated (the first render in the browser, over the HTML the
 * server sent). A client module: Docusaurus calls `onRouteDidUpdate` after each route renders,
 * the first time right after hydration.
 */
let hydrated = false;

export function isHydrating(): boolean {
  return typeof window !== 'undefined' && !hydrated;
}

export function onRouteDidUpdate(): void {
  hydrated = true;
}
