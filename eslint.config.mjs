// @ts-check
/**
 * Lint rules: typescript-eslint's recommended set, React's rules of hooks and jsx-a11y for the
 * site's components, and Prettier for layout (eslint-config-prettier turns off the rules it owns).
 * `npm run lint` runs ESLint and `prettier --check`; `npm run format` rewrites files.
 * An `eslint-disable` comment names its rule and says why after `--`.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['build/', '.docusaurus/', 'node_modules/', 'screenshots/', 'tests/fixtures/', 'code/neural-network/simd/*.wasm'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // A starter leaves its parameters for the reader to use.
    files: ['code/exercises/*/starter.ts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { args: 'none' }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  // Every disable comment must name its rule and say why.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    plugins: {
      course: {
        rules: {
          'explained-disables': {
            meta: { type: 'suggestion', schema: [], messages: { bare: 'eslint-disable needs a rule name and a reason after "--".' } },
            create(context) {
              return {
                Program() {
                  for (const comment of context.sourceCode.getAllComments()) {
                    const text = comment.value.trim();
                    if (/^eslint-disable/.test(text) && !/^eslint-disable(-next-line|-line)?\s+[@\w/-]+.*\s--\s*\S/.test(text)) {
                      context.report({ loc: comment.loc ?? { line: 1, column: 0 }, messageId: 'bare' });
                    }
                  }
                },
              };
            },
          },
        },
      },
    },
    rules: { 'course/explained-disables': 'error' },
  },
  prettier,
);
