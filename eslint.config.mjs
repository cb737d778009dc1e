// Lint rules, including the runtime boundaries: shared/ imports no runtime; renderer/ imports shared/
// only; the service, archive and export layers never import Electron, so they run under plain Node;
// the sync server (server/) imports shared/ and nothing else of ours.
// import-x adds the layer zones (archive and export never import services; stores never import views)
// and refuses import cycles, resolving our extensionless TypeScript imports with its own node resolver.
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
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
      // The contract's schemas (zod) are for the services; the window needs only their types, and the
      // values it shares with them come from shared/api/limits.ts. Evaluating zod would slow every start.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', '**/shared/api/fields', '**/shared/api/spec', '**/shared/api/contract', '**/shared/api/validation', '**/shared/api/methods/*', '**/shared/exchange/*'],
              allowTypeImports: true,
              message: 'Only types from the contract in the renderer: its values without zod are in shared/api/limits.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // zod's `z` object holds all of zod, every language's messages and the JSON Schema tools included, and
    // a bundle that imports it carries them all (some 600 kB the app and harness parse at every start).
    // Imported as a namespace, only what the schemas use is bundled.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'tests/**/*.ts', 'server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > :matches(ImportSpecifier[importKind!='type'][imported.name=/^(z|locales)$/], ImportDefaultSpecifier)",
          message: "import * as z from 'zod' (and a language's messages from 'zod/v4/locales/<sprog>.js'): the z object bundles all of zod.",
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/archive/**/*.ts', 'electron/export/**/*.ts'],
    rules: restrict(['electron', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**'], 'Services, archive and export run under plain Node; they may not import Electron.'),
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict(['electron', '**/electron/**', '**/renderer/**', 'react', 'react-dom'], "The sync server is plain Node: it shares only shared/ with the app."),
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'tests/**/*.ts', 'server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      // Type-only imports are erased at build time and are not followed; packages are not walked.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // shared/ and renderer/ are already held to their runtime by the no-restricted-imports rules below.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./electron/archive', './electron/export'],
              from: './electron/services',
              message: 'The archive and the Word builders sit below the services: the services call them, never the reverse.',
            },
            { target: './renderer/stores', from: './renderer/views', message: 'Stores hold data for the views and may not import them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
