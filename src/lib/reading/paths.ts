/**
 * "Is this path inside the content root?", asked in one way everywhere: for
 * pictures, the logo, and the files the Markdown pipeline compiles. Paths
 * inside the root are written with `/` whatever the system, as messages and
 * entry files show them.
 */
import path from 'node:path';

/** `to` relative to `from`, with `/` between folders: `boundaries/refund.md`. */
export function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

/** `file`'s path inside `root` (posix), or undefined when `file` is the root itself or lies outside it. */
export function pathInside(root: string, file: string): string | undefined {
  const relative = path.relative(root, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** Whether `file` lies inside `root` (the root itself does not count). */
export function isInside(root: string, file: string): boolean {
  return pathInside(root, file) !== undefined;
}
