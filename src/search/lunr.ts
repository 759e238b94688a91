/**
 * What `import lunr from 'lunr'` gives the search plugin's browser code (its search worker, which
 * loads search-index.json and runs the queries): the plugin's own lunr, with the accent-folding
 * function registered, so that `lunr.Index.load` finds the function the index names and runs it
 * on every query. Wired by src/plugins/search-folding.ts (a bundler alias).
 */
import lunr from 'lunr/lunr.js';
import { registerFolding, type Lunr } from './fold';

registerFolding(lunr as Lunr);

export default lunr;
