/**
 * The editor's chunk: fetched as an embed nears the viewport, yet cheap to load, because this
 * module only holds the editor's code without running it. Sandpack and CodeMirror set up
 * hundreds of modules when they first run (about 150 ms of main-thread time on a mid-range
 * phone), so that happens when the reader first reaches for the code, not while the page loads.
 *
 * `webpackMode: "eager"` keeps SandpackEditor in this same chunk (no second download) and runs
 * it only when `runEditor` is called.
 */
export const runEditor = () => import(/* webpackMode: "eager" */ './SandpackEditor');
