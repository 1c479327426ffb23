/**
 * Pictures stay inside the content root, exist, are images, and are not
 * huge. A path that escapes the root could publish any file on the build
 * machine, so it is refused before Astro ever reads it.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isInside, posixRelative } from '../content-root/paths.ts';
import type { Finding, FieldPath } from '../diagnostics/diagnostic.ts';
import type { Rule } from './checked-content.ts';

/** The largest picture the build accepts: 5 MiB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg'] as const;

export const checkImages: Rule = ({ root, entries, settings }) => {
  const findings: Finding[] = [];
  for (const win of entries.wins) {
    const image = win.data.image;
    if (typeof image !== 'string') continue;
    findings.push(...checkImagePath(root, path.dirname(win.absolutePath), image, win.file, ['image'], 'this win file'));
  }
  if (settings?.logo) {
    findings.push(...checkImagePath(root, root, settings.logo, 'playbook.yaml', ['logo'], 'the content root'));
  }
  return findings;
};

export function checkImagePath(root: string, from: string, written: string, file: string, field: FieldPath, relativeTo: string): Finding[] {
  const at = { file, path: field, severity: 'error' as const, rule: 'image', found: written };
  const name = field.join('.');
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || path.isAbsolute(written) || written.startsWith('/')) {
    return [{ ...at, message: `${name}: must be a file in the content root, not an address or absolute path`, hint: `copy the picture into assets/ and write its path relative to ${relativeTo}` }];
  }
  const resolved = path.resolve(from, written);
  if (!isInside(root, resolved)) {
    return [{ ...at, message: `${name}: the path leads outside the content root`, hint: `keep pictures in the content root's assets/ folder and write a path relative to ${relativeTo}` }];
  }
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(path.extname(resolved).toLowerCase())) {
    return [{ ...at, message: `${name}: not a picture file (use ${IMAGE_EXTENSIONS.join(', ')})`, hint: 'export the picture as JPEG, PNG, WebP or SVG' }];
  }
  let size: number;
  try {
    // Follow links too: a link inside the root must not point outside it.
    const real = realpathSync(resolved);
    if (!isInside(realpathSync(root), real)) {
      return [{ ...at, message: `${name}: the file is a link to somewhere outside the content root`, hint: 'copy the picture itself into assets/' }];
    }
    size = statSync(real).size;
  } catch {
    return [{ ...at, message: `${name}: there is no file at ${posixRelative(root, resolved)}`, hint: `check the spelling; the path is relative to ${relativeTo}` }];
  }
  if (size > MAX_IMAGE_BYTES) {
    return [{ ...at, message: `${name}: the picture is ${(size / 1048576).toFixed(1)} MB, more than the 5 MB limit`, hint: 'resize it to about 1600 pixels wide and save it as JPEG or WebP' }];
  }
  return [];
}

