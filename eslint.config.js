// ESLint: TypeScript rules plus the dependency rules of the architecture doc
// (ui -> state -> worker(client) -> [worker] -> engine, ingest; engine imports nothing else;
// only engine/syntax touches Kusto.Language; Monaco stays inside ui/editor).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_LIBRARIES = ['react', 'react-dom', 'react-i18next', 'i18next', 'zustand', 'recharts', '@tanstack/*', '@monaco-editor/*', 'monaco-editor', '@kusto/monaco-kusto'];

/** A folder import pattern: a relative path that reaches into one of `folders`. */
function folders(names, message, allowTypeImports = false) {
  return { regex: `(^|/)(${names.join('|')})(/|$)`, message, allowTypeImports };
}

function restrict(...patterns) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] };
}

const pureCore = { group: UI_LIBRARIES, message: 'engine, ingest and sample are DOM-free and UI-free.' };
const noKusto = { group: ['@kusto/language-service', '@kusto/language-service/*', '@kusto/language-service-next', '@kusto/language-service-next/*'], message: 'Only src/engine/syntax touches Kusto.Language.' };
const noMonaco = { group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*', '@kusto/monaco-kusto', '@kusto/monaco-kusto/*'], message: 'Monaco stays inside src/ui/editor.' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // ---- dependency rules, one block per layer (a later block would replace, not merge, the rule)
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/syntax/**'],
    rules: restrict(folders(['ingest', 'sample', 'worker', 'state', 'ui'], 'engine imports nothing from the rest of the app.'), pureCore, noKusto),
  },
  {
    files: ['src/engine/syntax/**/*.ts'],
    rules: restrict(folders(['ingest', 'sample', 'worker', 'state', 'ui'], 'engine imports nothing from the rest of the app.'), pureCore),
  },
  {
    files: ['src/ingest/**/*.ts'],
    rules: restrict(folders(['sample', 'worker', 'state', 'ui'], 'ingest may import only engine types and table builders.'), pureCore, noKusto),
  },
  {
    files: ['src/sample/**/*.ts'],
    rules: restrict(folders(['worker', 'state', 'ui'], 'sample may import only engine and ingest.'), pureCore, noKusto),
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: restrict(folders(['state', 'ui'], 'worker never imports state or ui.'), pureCore, noKusto),
  },
  {
    files: ['src/state/**/*.{ts,tsx}'],
    rules: restrict(
      folders(['ui'], 'state never imports ui.'),
      folders(['engine', 'ingest', 'sample'], 'state imports engine, ingest and sample as types only (they run in the worker).', true),
      noKusto, noMonaco,
    ),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['src/ui/editor/**'],
    rules: restrict(
      folders(['engine', 'ingest', 'sample', 'worker'], 'ui talks to the worker through state; engine code is imported as types only.', true),
      noKusto, noMonaco,
    ),
  },
  {
    files: ['src/ui/editor/**/*.{ts,tsx}'],
    rules: restrict(folders(['engine', 'ingest', 'sample', 'worker'], 'ui talks to the worker through state; engine code is imported as types only.', true), noKusto),
  },
  {
    // Tests may build inputs with engine builders.
    files: ['src/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
);
