// Replaces an exercise's solution with a one-line note while solutions are hidden (see raw-source.ts).
module.exports = function hiddenSolution() {
  return '// The solution is not published while this exercise is open.\n';
};
