/**
 * The service worker's registration and updates, loaded by src/client/offline.ts when the page
 * is idle. Docusaurus's PWA plugin builds the service worker; it reads its options from its URL.
 */
import { Workbox } from 'workbox-window';

/** The options the PWA plugin's service worker expects: precache everything, no debug logs. */
export function serviceWorkerUrl(swPath: string): string {
  return `${swPath}?params=${encodeURIComponent(JSON.stringify({ offlineMode: true, debug: false }))}`;
}

export async function registerServiceWorker(swPath: string): Promise<Workbox> {
  const wb = new Workbox(serviceWorkerUrl(swPath));
  let prompted = false;
  // A new version has been downloaded and waits for the pages of the old one to close: offer a
  // reload instead of waiting. The old version keeps serving this page until then, so old and
  // new files never mix.
  const offerReload = () => {
    if (prompted) return;
    prompted = true;
    void import('../components/UpdatePrompt').then(({ renderUpdatePrompt }) =>
      renderUpdatePrompt({ onReload: () => wb.messageSkipWaiting() }),
    );
  };
  wb.addEventListener('waiting', offerReload);
  // The new version took over (here or from another tab's Reload): this page's files belong to
  // the old one, so load the page again (the reader's code edits are kept in local storage).
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  const registration = await wb.register();
  if (registration?.waiting && navigator.serviceWorker.controller) offerReload();
  return wb;
}
