/**
 * Registers the course's service worker (src/plugins/offline.ts) once the page has loaded and the
 * browser is idle, so that it never competes with the first paint or the first taps. The
 * registration code (Workbox's window library) is a separate chunk, fetched only then.
 *
 * After the first visit the service worker holds every page and file of the course, so the
 * course opens and runs with the network off. When a new version is deployed, the new service
 * worker downloads the files that changed, then waits; the reader sees "A new version of the
 * course is available" with a Reload button (src/components/UpdatePrompt).
 */
import siteConfig from '@generated/docusaurus.config';

/** Register at the latest this long after load, even on a page that is never idle. */
const IDLE_TIMEOUT_MS = 10_000;

if (typeof window !== 'undefined' && 'serviceWorker' in navigator) {
  const register = () =>
    void import('./offline-register')
      .then(({ registerServiceWorker }) => registerServiceWorker(`${siteConfig.baseUrl}sw.js`))
      .catch((error: unknown) => console.warn('The offline copy of the course could not be set up:', error));
  const whenIdle = () =>
    window.requestIdleCallback ? window.requestIdleCallback(register, { timeout: IDLE_TIMEOUT_MS }) : window.setTimeout(register, 1000);
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
