/* global self */
/**
 * Added to Docusaurus's service worker (the PWA plugin's `swCustom`): once the first copy of the
 * course is stored, the service worker takes charge of the pages already open, so the page of the
 * first visit also keeps working (its next lesson, search, code) if the network drops.
 */
export default function claimOpenPages() {
  self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
}
