// Lint is part of `npm test`. The import restrictions keep the layers honest (STYLE.md):
// src/shared is pure, the session engine names effects but touches no hardware, and the
// renderer talks to main only through the contract in src/shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'models/build/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict(['**/main/**', '**/renderer/**', '**/preload/**', 'node:*', 'electron'], 'src/shared is pure: it imports nothing from main, renderer or Node.'),
    },
  },
  {
    files: ['src/main/session/**'],
    rules: {
      'no-restricted-imports': restrict(
        ['**/card/**', '**/face/**', '**/cardface/**', '**/qualification/**', '**/store/**', '**/ops/**', 'node:*', 'electron', 'pcsclite', 'onnxruntime-node', 'better-sqlite3'],
        'The session engine is pure: it names effects and never touches hardware, network, clock or storage.',
      ),
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(['**/main/**', '**/preload/**', 'node:*', 'electron'], 'The renderer talks to main only through window.kiosk and src/shared.'),
    },
  },
);
