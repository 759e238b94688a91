// Replaces an exercise's solution with a one-line note while solutions are hidden (see raw-source.ts).
const HIDDEN_SOLUTION = '// The solution is not published while this exercise is open.\n';

module.exports = function hiddenSolution() {
  return HIDDEN_SOLUTION;
};
module.exports.HIDDEN_SOLUTION = HIDDEN_SOLUTION;
