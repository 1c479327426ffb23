// ESLint: correctness rules for TypeScript and Astro components. Formatting is
// Prettier's job (.prettierrc.json); `npm run lint` checks both, `npm run format` writes.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'dist-shards/', '**/.astro/', 'node_modules/', 'content/', 'tests/fixtures/', 'schemas/json/', 'bench/out/', 'bench/floor/dist/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a position in a tuple, a callback's signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Types only: `import type` keeps type imports out of the emitted code (verbatimModuleSyntax).
      // (`import('…')` types stay allowed: a .d.ts that declares `*.astro` modules cannot import at the top.)
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      // Content is untrusted: the checks match control characters on purpose (browsers ignore them inside a URL scheme).
      'no-control-regex': 'off',
    },
  },
  // Scripts that run in the reader's browser.
  { files: ['src/scripts/**', 'src/**/*.astro', 'public/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
);
