/**
 * Accent folding in the site search (src/search/fold.ts, src/plugins/search-folding.ts): the fold
 * function, and lunr indexes built the way the search plugin builds them (English and French
 * stemmers, lunr.multi), saved and loaded again as the browser's worker loads them.
 * The built site's index and the search box are checked in tests/browser/search-fr.test.ts.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { FOLD_LABEL, foldAccents, foldWord, type Lunr } from '../../src/search/fold';
import searchFoldingPlugin, { searchPluginLunr } from '../../src/plugins/search-folding';

/** lunr as the search plugin loads it: its own copy, with its language files. */
type FullLunr = Lunr & {
  (config: (this: LunrBuilder) => void): LunrIndex;
  multiLanguage(...languages: string[]): (this: LunrBuilder) => void;
  Index: { load(json: unknown): LunrIndex };
  Query: { presence: { REQUIRED: number } };
  stopWordFilter(word: string): unknown;
  fr: { stopWordFilter(word: string): unknown };
};
type LunrBuilder = {
  use(plugin: unknown): void;
  ref(name: string): void;
  field(name: string): void;
  add(doc: object): void;
  metadataWhitelist: string[];
  pipeline: { toJSON(): string[] };
  searchPipeline: { toJSON(): string[] };
};
type LunrIndex = {
  query(fn: (q: { term(t: string, o: object): void }) => void): { ref: string }[];
  toJSON(): { pipeline: string[]; invertedIndex: [string, unknown][] };
};

const lunrFile = searchPluginLunr();
const pluginRequire = createRequire(lunrFile);
let lunr: FullLunr;
/** lunr.multiLanguage('en', 'fr'), made once (each call registers its trimmer again, with a warning). */
let enFr: unknown;

beforeAll(() => {
  searchFoldingPlugin(); // patches the lunr module below, as the build does
  lunr = pluginRequire(lunrFile) as FullLunr;
  pluginRequire('lunr-languages/lunr.stemmer.support')(lunr);
  pluginRequire('lunr-languages/lunr.fr')(lunr);
  pluginRequire('lunr-languages/lunr.multi')(lunr);
  enFr = lunr.multiLanguage('en', 'fr');
});

const DOCS = [
  { i: '1', t: "L'élagage retire les poids inutiles d'un réseau de neurones." },
  { i: '2', t: 'La frontière de décision sépare les classes; sa qualité se mesure.' },
  { i: '5', t: 'Les bases de l’apprentissage automatique.' },
  { i: '3', t: "L'inférence sur un nœud en périphérie, après l'entraînement." },
  { i: '4', t: 'Latency: the time between a request and its answer.' },
];

/** An index as the search plugin's buildIndex makes one (server/utils/buildIndex.js). */
function buildIndex(): LunrIndex {
  return lunr(function () {
    this.use(enFr);
    this.ref('i');
    this.field('t');
    this.metadataWhitelist = ['position'];
    for (const doc of DOCS) this.add(doc);
  });
}

/** Every word but stop words required, as the plugin's worker queries (utils/smartQueries.js, without its fuzzy variants). */
function search(index: LunrIndex, input: string): string[] {
  const words = (input.toLowerCase().match(/[^-\s]+/g) ?? []).filter((w) => lunr.stopWordFilter(w) && lunr.fr.stopWordFilter(w));
  return index
    .query((q) => {
      for (const word of words) q.term(word, { presence: lunr.Query.presence.REQUIRED });
    })
    .map((r) => r.ref)
    .sort();
}

describe('foldAccents', () => {
  it('removes accents and other combining marks, spells out œ and æ, and leaves the rest', () => {
    expect(foldAccents('élagage')).toBe('elagage');
    expect(foldAccents('Réseau de neurones')).toBe('Reseau de neurones');
    expect(foldAccents('à â ä ç é è ê ë î ï ô ö ù û ü ÿ')).toBe('a a a c e e e e i i o o u u u y');
    expect(foldAccents('ÉLAGAGE, Ça, Île')).toBe('ELAGAGE, Ca, Ile');
    expect(foldAccents('cœur, nœud, Œuvre, ex æquo')).toBe('coeur, noeud, OEuvre, ex aequo');
    // Decomposed input (e + U+0301), as some keyboards and copies produce it.
    expect(foldAccents('re\u0301seau')).toBe('reseau');
    expect(foldAccents('latency, k-PPV, 12,5 %, 学习')).toBe('latency, k-PPV, 12,5 %, 学习');
  });
});

describe('foldWord', () => {
  it('also drops an elided article or pronoun, with a straight or curly apostrophe', () => {
    expect(foldWord("l'élagage")).toBe('elagage');
    expect(foldWord('d’apprentissage')).toBe('apprentissage');
    expect(foldWord("qu'est")).toBe('est');
    expect(foldWord("jusqu'à")).toBe('a');
    expect(foldWord("L'Œuvre")).toBe('OEuvre');
    // Not an elision: kept whole.
    expect(foldWord("model's")).toBe("model's");
    expect(foldWord("aujourd'hui")).toBe("aujourd'hui");
    expect(foldWord("l'")).toBe("l'");
  });
});

describe('lunr indexes built with the folding patch', () => {
  it('fold before the stemmers, after the stop-word filters, and save the function by label', () => {
    let pipelines: { index: string[]; search: string[] } | undefined;
    lunr(function () {
      this.use(enFr);
      this.ref('i');
      this.field('t');
      this.add(DOCS[0]);
      pipelines = { index: this.pipeline.toJSON(), search: this.searchPipeline.toJSON() };
    });
    expect(pipelines!.index).toEqual([
      'lunr-multi-trimmer-en-fr',
      'stopWordFilter-fr',
      'stopWordFilter',
      FOLD_LABEL,
      'stemmer',
      'stemmer-fr',
    ]);
    const index = buildIndex().toJSON();
    expect(index.pipeline).toEqual([FOLD_LABEL, 'stemmer', 'stemmer-fr']);
    const terms = index.invertedIndex.map(([term]) => term);
    expect(terms.filter((term) => foldWord(term) !== term)).toEqual([]);
  });

  it('find French words with and without their accents, once saved and loaded again', () => {
    const index = lunr.Index.load(JSON.parse(JSON.stringify(buildIndex())));
    const pairs: [string, string, string[]][] = [
      ['élagage', 'elagage', ['1']],
      ['réseau de neurones', 'reseau de neurones', ['1']],
      // Words whose stems differ with and without accents when folded after stemming ("decis"/"dec", "qualit"/"qual").
      ['décision', 'decision', ['2']],
      ['qualité', 'qualite', ['2']],
      ['frontière de décision', 'frontiere de decision', ['2']],
      ['inférence', 'inference', ['3']],
      ['nœud', 'noeud', ['3']],
      ['entraînement', 'entrainement', ['3']],
      // The text has "L'élagage", "l’apprentissage", "l'inférence", "d'un réseau".
      ["l'élagage", 'elagage', ['1']],
      ['apprentissage', "d'apprentissage", ['5']],
    ];
    for (const [accented, plain, expected] of pairs) {
      expect(search(index, accented), accented).toEqual(expected);
      expect(search(index, plain), plain).toEqual(expected);
      // Typed in capitals, or decomposed (e + U+0301, as some keyboards and copies give it).
      expect(search(index, accented.toUpperCase()), accented.toUpperCase()).toEqual(expected);
      expect(search(index, accented.normalize('NFD')), `${accented} (NFD)`).toEqual(expected);
    }
    expect(search(index, 'latency')).toEqual(['4']);
  });

  it('the browser side: src/search/lunr.ts is the same lunr file with the function registered', async () => {
    const config = searchFoldingPlugin().configureWebpack!({} as never, false, {} as never, {} as never) as {
      resolve: { alias: Record<string, string> };
    };
    expect(config.resolve.alias['lunr/lunr.js$']).toBe(lunrFile);
    expect(path.relative(path.resolve(__dirname, '../..'), config.resolve.alias.lunr$)).toBe(path.join('src', 'search', 'lunr.ts'));
    const { default: clientLunr } = (await import('../../src/search/lunr')) as unknown as { default: FullLunr };
    expect(clientLunr.Pipeline.registeredFunctions[FOLD_LABEL]).toBeTypeOf('function');
  });
});
