/**
 * Every package the code imports is declared in package.json, and nothing is
 * declared that nothing uses. A package that arrives only as another one's
 * dependency can vanish with a dedupe or a minor release of that package.
 *
 * Imports are read with TypeScript's own pre-processor (static, dynamic and
 * type-only imports alike); `.astro` files contribute their frontmatter and
 * their scripts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-playbook.ts';

interface PackageJson {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as PackageJson;

/**
 * Declared packages that no file imports, each with what uses it. Kept short
 * on purpose: a name here must be a tool run by a script or named by a config file.
 */
const USED_WITHOUT_IMPORT: Record<string, string> = {
  node: 'the pinned Node 22 that runs every npm script',
  '@astrojs/check': 'npm run check (astro check)',
  prettier: 'npm run lint and npm run format',
  'prettier-plugin-astro': '.prettierrc.json plugins',
  'axe-core': 'its axe.min.js is injected into pages by the browser tests (tests/support/browser.ts)',
  '@types/node': "the types of Node's own modules",
};

/** Modules that are not packages: Node's own, Astro's virtual modules. */
const isBuiltIn = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier) || specifier.startsWith('astro:') || specifier.startsWith('virtual:');

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The code of a file as TypeScript sees it: an `.astro` file's frontmatter and scripts. */
function codeOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** Every file of ours that holds code, tracked by git, fixtures left out. */
function ourFiles(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(
      (file) => /\.(ts|mts|mjs|js|astro)$/.test(file) && !file.startsWith('content/') && !file.includes('/fixtures/') && !file.startsWith('bench/floor/'),
    );
}

/** The packages a file imports, with the ones only used for types marked. */
function importsOf(file: string): string[] {
  const code = codeOf(file, readFileSync(path.join(PROJECT_ROOT, file), 'utf8'));
  const info = ts.preProcessFile(code, true, true);
  return info.importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('/') && !isBuiltIn(specifier))
    .map(packageOf);
}

/** A package is declared directly, or by its types package for type-only modules (`hast` → `@types/hast`). */
function declaredAs(name: string, declared: Set<string>): string | undefined {
  if (declared.has(name)) return name;
  const types = `@types/${name.replace(/^@/, '').replace('/', '__')}`;
  return declared.has(types) ? types : undefined;
}

const files = ourFiles();
const used = new Map<string, Set<string>>();
for (const file of files) for (const name of importsOf(file)) used.set(name, (used.get(name) ?? new Set()).add(file));
const runtime = new Set(Object.keys(pkg.dependencies));
const declared = new Set([...runtime, ...Object.keys(pkg.devDependencies)]);

describe('package.json', () => {
  it('declares every package the code imports', () => {
    const undeclared = [...used].filter(([name]) => !declaredAs(name, declared)).map(([name, where]) => `${name} (${[...where][0]})`);
    expect(undeclared).toEqual([]);
  });

  it('declares nothing that nothing uses', () => {
    // A types package counts as used with its package (`@types/qrcode` with `qrcode`).
    const usedNames = new Set([...used.keys()].flatMap((name) => [declaredAs(name, declared), `@types/${name.replace(/^@/, '').replace('/', '__')}`]));
    const unused = [...declared].filter((name) => !usedNames.has(name) && !USED_WITHOUT_IMPORT[name]);
    expect(unused).toEqual([]);
  });

  it('keeps what the site and its commands need in dependencies, and types and test tools out of them', () => {
    const shipped = files.filter((file) => file.startsWith('src/') || file.startsWith('schemas/') || file === 'astro.config.mjs');
    const needed = new Set(shipped.flatMap((file) => importsOf(file)).map((name) => declaredAs(name, declared)));
    const misplaced = [...runtime].filter((name) => name.startsWith('@types/') || !needed.has(name));
    expect(misplaced).toEqual([]);
    const missing = [...needed].filter((name): name is string => name !== undefined && !name.startsWith('@types/') && !runtime.has(name));
    expect(missing).toEqual([]);
  });
});
