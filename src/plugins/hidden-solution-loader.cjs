// While solutions are hidden (see raw-source.ts), every request for an exercise's solution file
// comes here: a `?raw` import gets a one-line note instead of the file; any other import (the
// solution compiled into the site's JavaScript) stops the build.
const HIDDEN_SOLUTION = '// The solution is not published while this exercise is open.\n';

module.exports = function hiddenSolution() {
  const options = (this && this.getOptions && this.getOptions()) || {};
  if (options.refuse) {
    throw new Error(
      `${this.resourcePath} is an exercise's solution and solutions are hidden (showSolutions: false), ` +
        'but the site imports it as a module; only the exercise embed may load it, and not while solutions are hidden.',
    );
  }
  return HIDDEN_SOLUTION;
};
module.exports.HIDDEN_SOLUTION = HIDDEN_SOLUTION;
