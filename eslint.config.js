// @ts-check
/**
 * ESLint with typescript-eslint: the recommended rules, plus the type-aware rules that catch what a
 * scanner must never do (a floating promise loses a result or crashes the process after the report),
 * and house rules from the developers' guide (no `any`, explicit exports). Formatting is Prettier's.
 */
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', 'docs/site/**', '**/node_modules/**', '**/__fixtures__/**', 'examples/commonjs-consumer.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-explicit-any': 'error',
      // `typeof import('@aws-sdk/...')` types keep vendor SDKs out of the import graph until a call needs them.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration[source.value=/^\\.\\/?index$|^\\.$/]', message: 'Export named symbols explicitly.' },
      ],
    },
  },
  {
    // Files outside every tsconfig (build configs, scripts run by tsx, the docs browser test): linted without types.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/tsup.config.ts', 'packages/*/bench/**', 'packages/*/scripts/**', 'docs/**'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.test.ts', '**/__helpers__/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
