/**
 * Runs before prismjs/components/prism-core (imported first by ./index.ts): tells Prism not to
 * highlight the page by itself (React renders the highlighted code) and not to listen for worker messages.
 */
(globalThis as { Prism?: unknown }).Prism = { manual: true, disableWorkerMessageHandler: true };
export {};
