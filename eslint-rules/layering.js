// The layering rule: every module a source file names — import, import type, export … from,
// export * from, import() with a literal, `typeof import('…')`, `new URL('…', import.meta.url)`
// (workers) — is resolved to a path of the repository (or a package name) and checked against
// the table of eslint-rules/layers.js. Folder names in the text prove nothing
// ('./model/../../renderer/x' is the renderer), so paths are resolved, not matched. A bundler
// alias ('#platform') is checked as an import of the folder it maps to (ALIASES); an alias the
// table does not know is refused, since where it leads cannot be checked.
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALIASES, DATA_FOLDERS, LAYERS, RUNTIMES } from './layers.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const DOC = 'docs/ARCHITECTURE.md';

const toPosix = (p) => p.split(path.sep).join('/');
const isUnder = (rel, folder) => rel === folder || rel.startsWith(`${folder}/`);
const byName = new Map([...LAYERS, ...DATA_FOLDERS].map((entry) => [entry.name, entry]));

/** The layer or data folder holding a repository path, if any. */
const placeOf = (rel) => [...LAYERS, ...DATA_FOLDERS].find((entry) => isUnder(rel, entry.folder));

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The runtime (a key of RUNTIMES) a bare specifier needs, or undefined for a plain package. */
function runtimeOf(specifier) {
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return 'node';
  const name = packageName(specifier);
  return Object.keys(RUNTIMES).find((key) => RUNTIMES[key].packages.includes(name));
}

function importsText(layer) {
  const targets = layer.imports.map((name) => byName.get(name).folder);
  return targets.length === 0
    ? 'it imports only its own files'
    : `it may import only its own files and ${targets.join(', ')}`;
}

function runtimesText(layer) {
  const names = layer.runtimes.map((key) => RUNTIMES[key].name);
  return names.length === 0 ? 'it uses plain ECMAScript only' : `it may use only ${names.join(', ')}`;
}

/**
 * Flat-config blocks that keep each layer off the globals of the runtimes it may not use
 * (`window` in the engine, `process` in the renderer), from the same table.
 */
export const layeringGlobals = LAYERS.map((layer) => ({
  files: [`${layer.folder}/**`],
  rules: {
    'no-restricted-globals': [
      'error',
      ...Object.keys(RUNTIMES)
        .filter((key) => !layer.runtimes.includes(key))
        .flatMap((key) =>
          RUNTIMES[key].globals.map((name) => ({
            name,
            message: `${layer.folder} ${layer.is}: it may not use ${RUNTIMES[key].name}; ${runtimesText(layer)} (${DOC}).`
          }))
        )
    ]
  }
}));

/** The string a module specifier node holds, or null when it is computed. */
function literalValue(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports between the layers of src/ (eslint-rules/layers.js) flowing one way.' },
    schema: []
  },
  create(context) {
    const file = toPosix(path.relative(repoRoot, context.filename));
    if (!isUnder(file, 'src')) return {};
    const layer = LAYERS.find((entry) => isUnder(file, entry.folder));
    if (!layer) {
      return {
        Program(node) {
          context.report({
            node,
            message: `${file} is in no layer: add its folder to the table of eslint-rules/layers.js (${DOC}).`
          });
        }
      };
    }
    const fileDir = path.dirname(context.filename);

    const refuse = (node, specifier, what, allowed) =>
      context.report({
        node,
        message: `${layer.folder} ${layer.is}: it may not ${what} (${file} imports '${specifier}'); ${allowed} (${DOC}).`
      });

    function check(node, specifier) {
      if (specifier.startsWith('#')) {
        const alias = ALIASES.find((entry) => entry.specifier === specifier);
        if (alias) checkPath(node, specifier, alias.folder);
        else
          context.report({
            node,
            message: `${layer.folder} ${layer.is}: ${file} imports '${specifier}', an alias the layering rule does not know; add it to ALIASES in eslint-rules/layers.js (${DOC}).`
          });
        return;
      }
      const bare = !specifier.startsWith('.') && !specifier.startsWith('/');
      if (bare) {
        const runtime = runtimeOf(specifier);
        if (runtime && !layer.runtimes.includes(runtime)) {
          const what =
            runtime === 'node' && (specifier.startsWith('node:') || isBuiltin(specifier))
              ? `use Node's '${specifier}'`
              : `use '${packageName(specifier)}', which needs ${RUNTIMES[runtime].name}`;
          refuse(node, specifier, what, runtimesText(layer));
        }
        return;
      }
      checkPath(node, specifier, toPosix(path.relative(repoRoot, path.resolve(fileDir, specifier.split(/[?#]/)[0]))));
    }

    /** Checks an import that reaches `target`, a path relative to the repository. */
    function checkPath(node, specifier, target) {
      if (isUnder(target, layer.folder)) return;
      const place = placeOf(target);
      if (place && layer.imports.includes(place.name)) return;
      const where =
        target.startsWith('../') || path.isAbsolute(target)
          ? 'a path outside the repository'
          : place
            ? target
            : isUnder(target, 'src')
              ? `${target}, in no layer`
              : `${target}, outside the source folders`;
      refuse(node, specifier, `import ${where}`, importsText(layer));
    }

    const checkSource = (node, source) => {
      const specifier = literalValue(source);
      if (specifier !== null) check(node, specifier);
    };

    return {
      ImportDeclaration: (node) => checkSource(node, node.source),
      ExportNamedDeclaration: (node) => checkSource(node, node.source),
      ExportAllDeclaration: (node) => checkSource(node, node.source),
      TSImportType: (node) => checkSource(node, node.source ?? node.argument?.literal),
      TSExternalModuleReference: (node) => checkSource(node, node.expression),
      ImportExpression(node) {
        const specifier = literalValue(node.source);
        if (specifier !== null) check(node, specifier);
        else
          context.report({
            node,
            message: `${layer.folder} ${layer.is}: ${file} calls import() with a computed module name, which the layering rule cannot check; name the module in a string literal (${DOC}).`
          });
      },
      // Workers: new Worker(new URL('./worker.ts', import.meta.url)) loads a module too.
      'NewExpression[callee.name="URL"]'(node) {
        const [first, base] = node.arguments;
        const isImportMetaUrl =
          base?.type === 'MemberExpression' &&
          base.object.type === 'MetaProperty' &&
          base.object.meta.name === 'import' &&
          base.property.name === 'url';
        const specifier = literalValue(first);
        if (isImportMetaUrl && specifier !== null && specifier.startsWith('.')) check(node, specifier);
      }
    };
  }
};
