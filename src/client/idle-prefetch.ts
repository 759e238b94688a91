/**
 * Docusaurus prefetches the code of every page a visible link points to, as soon as the link
 * scrolls into view. On a lesson or glossary page that is dozens of links at once, and adding
 * their `<link rel="prefetch">` tags cost about 400 ms of main-thread time on a throttled phone
 * while the page was starting. This client module keeps the prefetching but moves it to idle
 * time, one page at a time, so it never delays the reader's first taps, and at most
 * PREFETCH_LIMIT pages per page view (a glossary page shows a hundred links; fetching every one
 * would waste a school network's bandwidth). Hovering or touching a link still loads its page
 * at once: that is Docusaurus's `preload`, left unchanged.
 */
const PREFETCH_LIMIT = 24;
let prefetchedThisView = 0;

/** Client-module lifecycle: a new page view starts a new allowance. */
export function onRouteDidUpdate(): void {
  prefetchedThisView = 0;
}

type DocusaurusGlobal = { prefetch: (path: string) => unknown; preload: (path: string) => unknown };

if (typeof window !== 'undefined') {
  const queue: string[] = [];
  let scheduled = false;
  const idle = (fn: () => void) =>
    window.requestIdleCallback ? window.requestIdleCallback(fn, { timeout: 5000 }) : window.setTimeout(fn, 200);
  let original: DocusaurusGlobal['prefetch'] = () => false;
  const drain = () => {
    scheduled = false;
    const path = queue.shift();
    if (path === undefined) return;
    original(path);
    if (queue.length) schedule();
  };
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    idle(drain);
  }
  let current: DocusaurusGlobal | undefined;
  // window.docusaurus is assigned after client modules load: wrap its prefetch when it is.
  Object.defineProperty(window, 'docusaurus', {
    configurable: true,
    get: () => current,
    set(value: DocusaurusGlobal) {
      original = value.prefetch;
      current = {
        ...value,
        prefetch(path: string) {
          if (prefetchedThisView >= PREFETCH_LIMIT) return false;
          prefetchedThisView += 1;
          if (!queue.includes(path)) queue.push(path);
          schedule();
          return true;
        },
      };
    },
  });
}
