/**
 * The project's own import graph: which source file imports which, read
 * from the text of each file (static imports and re-exports, dynamic
 * `import()`, and the frontmatter of .astro files). Only relative imports
 * are followed; packages and Astro's virtual modules are not files here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SPECIFIER = /(?:^|[\s;}])(?:import|export)\s(?:[^'"`;]*?\sfrom\s)?\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Files (relative to `root`, posix) mapped to the files they import. */
export function importGraph(root: string, folders: readonly string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const files = folders.flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
      .filter((item) => item.isFile() && /\.(ts|mts|astro)$/.test(item.name) && !item.name.endsWith('.d.ts'))
      .map((item) => path.join(item.parentPath, item.name)),
  );
  for (const file of files) {
    let text = readFileSync(file, 'utf8');
    if (file.endsWith('.astro')) text = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    const imports = new Set<string>();
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), specifier.replace(/\?.*$/, ''));
      if (existsSync(target)) imports.add(posix(root, target));
    }
    graph.set(posix(root, file), imports);
  }
  return graph;
}

function posix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** Every circle of imports (strongly connected components of more than one file, or a file importing itself). */
export function importCircles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.has(file)) circles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}
