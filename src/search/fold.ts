/**
 * French words found with or without their accents: "elagage" finds "élagage", "reseau" finds
 * "réseau", "noeud" finds "nœud"; and without the elided article glued to them: "élagage" finds
 * "l'élagage", "apprentissage" finds "d'apprentissage" (lunr splits words on spaces and hyphens
 * only, so "l'élagage" was one word: 472 of the 6,887 words of the French index were such).
 *
 * One source for both sides of the search plugin's lunr: the build, which writes
 * search-index.json (src/plugins/search-folding.ts), and the browser's search worker, which loads
 * it (src/search/lunr.ts). The saved index names its pipeline functions by label, so both register
 * this function under the same label, and every query goes through it as the text did.
 *
 * The function runs before the stemmers (after the stop-word filters, which list French stop
 * words with their accents). After the stemmers would be too late: English then French stemming
 * of "décision" and "decision" give "decis" and "dec", of "qualité" and "qualite" "qualit" and
 * "qual" (177 of the 1,006 accented words of the French pages; 126 of them more than one letter
 * apart, beyond the plugin's fuzzy matching). Folded first, both spellings stem alike.
 */

/** The label of the pipeline function in search-index.json: the browser looks it up by this name. */
export const FOLD_LABEL = 'fold-french';

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE' };

/** "Élagage des réseaux, cœur" → "Elagage des reseaux, coeur": accents and other combining marks removed, œ and æ spelt out. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œŒæÆ]/g, (c) => LIGATURES[c]);
}

/** French elision before a vowel or mute h: l', d', qu', n', s', c', j', m', t', jusqu', lorsqu', puisqu' (straight or curly apostrophe). */
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=.)/i;

/** One word as the index keeps it: "l'élagage" → "elagage", "d’Œuvre" → "OEuvre". */
export function foldWord(word: string): string {
  return foldAccents(word.replace(ELISION, ''));
}

/** The parts of lunr this module uses (the package ships no types). */
type Token = { update(fn: (text: string) => string): Token };
type PipelineFunction = ((token: Token) => Token) & { label?: string };
type Pipeline = {
  toJSON(): string[];
  add(fn: PipelineFunction): void;
  before(existing: PipelineFunction, fn: PipelineFunction): void;
};
type Builder = { pipeline: Pipeline; searchPipeline: Pipeline };
export type Lunr = {
  Pipeline: {
    registerFunction(fn: PipelineFunction, label: string): void;
    registeredFunctions: Record<string, PipelineFunction | undefined>;
  };
  Builder: { prototype: Builder & { add(...args: unknown[]): unknown; build(...args: unknown[]): unknown } };
};

/** The pipeline function: folds a token's text (foldWord), keeps its position metadata. */
const foldToken: PipelineFunction = (token) => token.update(foldWord);

/**
 * Registers the fold function with this lunr under FOLD_LABEL (once), so that an index naming it
 * loads (`lunr.Index.load`). Returns the registered function.
 */
export function registerFolding(lunr: Lunr): PipelineFunction {
  const registered = lunr.Pipeline.registeredFunctions[FOLD_LABEL];
  if (registered) return registered;
  lunr.Pipeline.registerFunction(foldToken, FOLD_LABEL);
  return foldToken;
}

/**
 * Puts the fold function into a pipeline, before its first stemmer (`stemmer`, `stemmer-fr`…), or
 * at its end when it has none; does nothing if it is there already.
 */
export function insertFolding(lunr: Lunr, pipeline: Pipeline): void {
  const fold = registerFolding(lunr);
  const labels = pipeline.toJSON();
  if (labels.includes(FOLD_LABEL)) return;
  const stemmer = labels.find((label) => /^stemmer(-|$)/.test(label));
  const stemmerFn = stemmer ? lunr.Pipeline.registeredFunctions[stemmer] : undefined;
  if (stemmerFn) pipeline.before(stemmerFn, fold);
  else pipeline.add(fold);
}

const PATCHED = Symbol.for('ml-on-the-edge.search-folding');

type BuilderMethod = (this: Builder, ...args: unknown[]) => unknown;

/**
 * Every index this lunr builds folds accents: the builder's indexing pipeline gets the function
 * before its first document is added, its search pipeline (saved with the index, run on every
 * query) before the index is built. Both run after the search plugin has set up its language
 * pipelines (in its `lunr(function () { … })` callback, before `this.add`). Idempotent.
 */
export function foldEveryIndex(lunr: Lunr): void {
  const proto = lunr.Builder.prototype as unknown as Builder & { add: BuilderMethod; build: BuilderMethod; [PATCHED]?: true };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  registerFolding(lunr);
  const { add, build } = proto;
  proto.add = function (...args) {
    insertFolding(lunr, this.pipeline);
    return add.apply(this, args);
  };
  proto.build = function (...args) {
    insertFolding(lunr, this.searchPipeline);
    return build.apply(this, args);
  };
}
