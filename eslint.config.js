import js from '@eslint/js';
import formatjs from 'eslint-plugin-formatjs';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'client/dist', 'server/dist', 'data', '.tools', 'test-results', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Config is parsed once, in config.ts: nothing else on the server reads the environment.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/config.ts', 'server/src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through server/src/config.ts.' }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The browser carries one language's words, fetched as needed (client/src/i18n/catalogs.ts): the whole catalog
    // of every language, which shared/i18n/catalog.ts imports, is the server's. Its types are free to use.
    files: ['client/src/**/*.{ts,tsx}', 'shared/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', 'shared/i18n/catalog.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: 'i18n/catalog$', allowTypeImports: true, message: 'The client loads its catalog through client/src/i18n/catalogs.ts; use t.has(id) for isMessageId.' }] },
      ],
    },
  },
  {
    // Every word on screen comes from the catalogs (shared/i18n/messages): no text in JSX, nor in the attributes a
    // person reads or hears. Ids are checked by the compiler; the catalogs' completeness by shared/i18n/catalog.test.ts.
    files: ['client/src/**/*.tsx'],
    ignores: ['client/src/**/*.test.tsx'],
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': [
        'error',
        { props: { include: [['*', '{label,placeholder,title,alt,aria-label,aria-description,aria-roledescription,aria-valuetext,summary,message,hint,legend,caption,heading,description}']] } },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
