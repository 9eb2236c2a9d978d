// ESLint flat config. Besides the usual rules it enforces the layering of docs/ARCHITECTURE.md:
// the engine at the bottom; the contract (main ↔ preload ↔ renderer), the presentation (renderer
// and CLI) and src/node (main and CLI) on it; main, preload, renderer and the CLI on top. The table is eslint-rules/layers.js; the rule that
// resolves every import against it is eslint-rules/layering.js.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layering, { layeringGlobals } from './eslint-rules/layering.js';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'tmp/**', 'resources/**', 'kernel/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // Tests build broken documents on purpose; typing them would hide what they break.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } }
  },
  {
    // Every import of src/ resolved and checked against the table of eslint-rules/layers.js…
    files: ['src/**'],
    plugins: { mizan: { rules: { layering } } },
    rules: { 'mizan/layering': 'error' }
  },
  // …and keeps each layer off the globals of the runtimes it may not use (window, process).
  ...layeringGlobals,
  {
    // Own properties only: records keyed by id are plain objects, and an id such as "constructor"
    // or "toString" finds Object.prototype's member where the record has no entry of its own.
    // Lookups by id go through ownValue (src/engine/records.ts), Object.hasOwn or a Map
    // (tests/architecture/own-properties.test.ts shows what this catches).
    files: ['src/engine/**', 'src/contract/**', 'src/presentation/**', 'src/renderer/src/state/**', 'src/cli/**'],
    rules: {
      'no-prototype-builtins': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator='in'][left.type!='Literal']",
          message: '`id in record` also finds Object.prototype members ("constructor"): use Object.hasOwn or a Map.'
        },
        {
          selector: "MemberExpression[computed=true][property.type='MemberExpression'][property.property.name=/^(id|factor|from|to|input)$/]",
          message: '`record[x.id]` finds Object.prototype members for ids like "constructor": use ownValue (src/engine/records.ts) or a Map.'
        },
        {
          selector: "MemberExpression[computed=true][property.type='Identifier'][property.name=/^(id|[a-z]+Id)$/]",
          message: '`record[id]` finds Object.prototype members for ids like "constructor": use ownValue (src/engine/records.ts) or a Map.'
        }
      ]
    }
  }
);
