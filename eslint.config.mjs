// Lint rules, including the runtime boundaries: shared/ imports no runtime; renderer/ imports shared/
// only; the service, archive and export layers never import Electron, so they run under plain Node.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'stream', 'events'];

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...NODE_BUILTINS, 'electron', 'react', 'react-dom', 'react/*', 'zustand', 'better-sqlite3', 'docx', '**/electron/**', '**/renderer/**'],
      'shared/ is imported by every runtime, so it may not depend on any (no Node, DOM, React or Electron).',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'docx', '**/electron/**', '**/tests/**'],
        'The renderer is browser code: it reaches the archive only through the API client.',
      ),
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/archive/**/*.ts', 'electron/export/**/*.ts'],
    rules: restrict(['electron', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**'], 'Services, archive and export run under plain Node; they may not import Electron.'),
  },
  {
    files: ['scripts/**/*.mjs', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
