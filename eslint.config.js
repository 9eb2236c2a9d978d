// ESLint flat config. Besides the usual rules it enforces the layering of
// DESIGN.md section 3: engine ← shared ← main / preload / renderer / cli, and src/node (Node-side
// code shared by main and the CLI, e.g. the atomic writer) between shared and main / cli.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (name) => [`**/${name}`, `**/${name}/**`, `../${name}/**`, `../../${name}/**`];
const forbid = (layers, why) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: layers.map((name) => ({ group: layer(name), message: `${why} (DESIGN.md section 3).` }))
    }
  ]
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'tmp/**', 'resources/**'] },
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
    files: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['shared', 'node', 'main', 'preload', 'renderer', 'cli'].map((name) => ({
              group: layer(name),
              message: 'src/engine is pure and imports none of the other layers (DESIGN.md section 3).'
            })),
            { group: ['node:*', 'electron', 'fs', 'path', 'os', 'child_process'], message: 'src/engine is pure: no Node, no Electron.' }
          ]
        }
      ]
    }
  },
  { files: ['src/shared/**'], rules: forbid(['node', 'main', 'preload', 'renderer', 'cli'], 'src/shared imports only the engine') },
  { files: ['src/node/**'], rules: forbid(['main', 'preload', 'renderer', 'cli'], 'src/node imports only engine and shared') },
  { files: ['src/main/**'], rules: forbid(['preload', 'renderer', 'cli'], 'src/main imports only engine, shared and node') },
  { files: ['src/preload/**'], rules: forbid(['node', 'main', 'renderer', 'cli'], 'src/preload imports only engine and shared') },
  { files: ['src/renderer/**'], rules: forbid(['node', 'main', 'preload', 'cli'], 'src/renderer imports only engine and shared') },
  { files: ['src/cli/**'], rules: forbid(['main', 'preload', 'renderer'], 'src/cli imports only engine, shared and node') },
  {
    // Own properties only: records keyed by id are plain objects, and an id such as "constructor"
    // or "toString" finds Object.prototype's member where the record has no entry of its own.
    // Lookups by id go through ownValue (src/engine/records.ts), Object.hasOwn or a Map
    // (tests/architecture/own-properties.test.ts shows what this catches).
    files: ['src/engine/**', 'src/shared/**', 'src/renderer/src/state/**', 'src/cli/**'],
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
