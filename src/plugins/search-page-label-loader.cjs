// The search plugin's search page (SearchPage.jsx) names its input with a hard-coded English
// aria-label="Search"; everything else on that page goes through Docusaurus's translate(). This
// loader gives the input the theme's own translated label (theme.SearchBar.label, "Rechercher"
// on /fr/). If an upgrade changes that line, the build stops and says so (see CONTRIBUTING.md,
// patches); tests/browser/french.test.ts checks /fr/search has no English label.
const HARD_CODED = 'aria-label="Search"';
const TRANSLATED = 'aria-label={translate({ id: "theme.SearchBar.label", message: "Search" })}';

module.exports = function searchPageLabel(source) {
  if (!source.includes(HARD_CODED) || !/import \{ translate \} from "@docusaurus\/Translate"/.test(source)) {
    throw new Error(
      `${this.resourcePath}: the search plugin's page no longer has ${HARD_CODED} with translate() imported; ` +
        'update src/plugins/search-page-label-loader.cjs (or remove it if the plugin translates the label itself).',
    );
  }
  return source.replace(HARD_CODED, TRANSLATED);
};
