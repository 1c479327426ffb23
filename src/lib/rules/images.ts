/**
 * Pictures stay inside the content root, exist, are images, and are not
 * huge. A path that escapes the root could publish any file on the build
 * machine, so it is refused before Astro ever reads it.
 *
 * Each picture is also read: a raster picture's header must say what its
 * name says (a .png holds a PNG), in a format the image pipeline optimises,
 * at no more than 40 megapixels (a small file can decode to gigabytes), and
 * the file must hold the whole picture (picture-integrity.ts); an SVG must
 * hold only what the allowlist admits (svg-safety.ts). The logo, win
 * pictures and every picture in assets/ are checked.
 */
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { isInside, pathNameProblem, posixRelative } from '../reading/paths.ts';
import { svgProblem } from '../images/svg-safety.ts';
import { pictureDamage, type PictureFormat } from '../images/picture-integrity.ts';
import type { Finding, FieldPath } from '../diagnostics/diagnostic.ts';
import { linkFinding } from '../reading/scan-content-root.ts';
import type { Rule } from './rule.ts';
import { finding, MESSAGES, TOP } from '../diagnostics/catalogue.ts';

/** The largest picture the build accepts: 5 MiB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg'] as const;
/** The largest picture the build decodes: 40 megapixels (a 7,700 × 5,200 photo). */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** image-size's name for the format each extension promises. */
const FORMAT_OF: Record<string, string> = { '.jpg': 'jpg', '.jpeg': 'jpg', '.png': 'png', '.webp': 'webp', '.avif': 'heif', '.gif': 'gif' };
const FORMAT_NAMES: Record<string, string> = {
  jpg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  heif: 'AVIF/HEIF',
  gif: 'GIF',
  svg: 'SVG',
  bmp: 'BMP',
  tiff: 'TIFF',
  ico: 'icon',
  cur: 'cursor',
  psd: 'Photoshop',
  dds: 'DDS',
  icns: 'icon',
  j2c: 'JPEG 2000',
  jp2: 'JPEG 2000',
  jxl: 'JPEG XL',
  ktx: 'KTX',
  pnm: 'PNM',
  tga: 'TGA',
  exr: 'EXR',
};
/** A raster header is at the start of the file; 256 KiB holds it even behind a large EXIF block. */
const HEADER_BYTES = 256 * 1024;

export const checkImages: Rule = ({ root, entries, settings }) => {
  const findings: Finding[] = [];
  const named = new Set<string>();
  for (const win of entries.wins) {
    const image = win.data.image;
    if (typeof image !== 'string') continue;
    named.add(posixRelative(root, path.resolve(path.dirname(win.absolutePath), image)));
    findings.push(...checkImagePath(root, path.dirname(win.absolutePath), image, win.file, ['image'], 'this win file'));
  }
  if (settings?.logo) {
    named.add(posixRelative(root, path.resolve(root, settings.logo)));
    findings.push(...checkImagePath(root, root, settings.logo, 'playbook.yaml', ['logo'], 'the content root'));
  }
  // A link in assets/ that no field names: a finding of its own (one a field names is reported on the field).
  for (const link of assetLinks(root)) if (!named.has(link)) findings.push(linkFinding(link));
  // Every picture in assets/, named in a field or not: nothing unchecked sits next to the published ones.
  for (const file of assetPictures(root)) {
    // An oversized picture is refused where a field names it (with its size); one nobody names is never published.
    if (statSync(path.join(root, ...file.split('/'))).size > MAX_IMAGE_BYTES) continue;
    const problem = pictureProblem(path.join(root, ...file.split('/')));
    if (problem) findings.push(finding(MESSAGES.image, 'picture', { file, position: TOP }, { field: undefined, picture: problem }));
  }
  return findings;
};

function assetLinks(root: string): string[] {
  try {
    if (lstatSync(path.join(root, 'assets')).isSymbolicLink()) return [];
    return readdirSync(path.join(root, 'assets'), { recursive: true, withFileTypes: true })
      .filter((item) => item.isSymbolicLink())
      .map((item) => posixRelative(root, path.join(item.parentPath, item.name)))
      .sort();
  } catch {
    return [];
  }
}

function assetPictures(root: string): string[] {
  let items;
  try {
    // A linked assets/ is reported by the scan and never read: it could lead anywhere.
    if (lstatSync(path.join(root, 'assets')).isSymbolicLink()) return [];
    items = readdirSync(path.join(root, 'assets'), { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return items
    .filter((item) => item.isFile() && (IMAGE_EXTENSIONS as readonly string[]).includes(path.extname(item.name).toLowerCase()))
    .map((item) => path.relative(root, path.join(item.parentPath, item.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * What is wrong with the picture in a file, if anything: for SVG its
 * content; for the others the header, read without decoding the picture.
 */
export function pictureProblem(file: string): { message: string; hint: string } | undefined {
  const extension = path.extname(file).toLowerCase();
  try {
    if (extension === '.svg') {
      const problem = svgProblem(readFileSync(file, 'utf8'));
      return problem && { message: `the SVG picture is refused: ${problem.message}`, hint: problem.hint };
    }
    let size;
    try {
      size = imageSize(readHead(file, HEADER_BYTES));
    } catch {
      size = imageSize(readFileSync(file));
    }
    const expected = FORMAT_OF[extension];
    if (size.type !== expected) {
      const found = FORMAT_NAMES[size.type ?? ''] ?? size.type ?? 'another format';
      return expected === undefined || !Object.values(FORMAT_OF).includes(size.type ?? '')
        ? { message: `the picture is in ${found} format, which the site cannot optimise`, hint: 'save it as JPEG, PNG, WebP or AVIF' }
        : {
            message: `the file is named ${extension} but holds a ${found} picture`,
            hint: `rename it to end in the right extension, or save it again as ${FORMAT_NAMES[expected!] ?? expected}`,
          };
    }
    const pixels = (size.width ?? 0) * (size.height ?? 0);
    if (!(pixels > 0)) return { message: 'the picture has no size in its header, so it cannot be shown', hint: 'save the picture again from an image editor' };
    if (pixels > MAX_IMAGE_PIXELS) {
      return {
        message: `the picture is ${size.width} × ${size.height} pixels (${(pixels / 1e6).toFixed(0)} megapixels), more than the ${MAX_IMAGE_PIXELS / 1e6} megapixel limit`,
        hint: 'resize it to about 1600 pixels wide and save it as JPEG or WebP',
      };
    }
    // The header is sound; the rest must be there too, or the image pipeline publishes a broken picture.
    const damage = pictureDamage(readFileSync(file), expected as PictureFormat);
    if (damage)
      return { message: `the picture is damaged: ${damage}`, hint: 'open it in an image editor and save it again, or export it again from where it came from' };
    return undefined;
  } catch {
    return {
      message: 'the file cannot be read as a picture: it is damaged, cut short, or not a picture at all',
      hint: 'open it in an image editor and save it again as JPEG, PNG or WebP',
    };
  }
}

function readHead(file: string, bytes: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buffer = new Uint8Array(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function checkImagePath(root: string, from: string, written: string, file: string, field: FieldPath, relativeTo: string): Finding[] {
  const at = { file, path: field, found: written };
  const name = field.join('.');
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || path.isAbsolute(written) || written.startsWith('/')) {
    return [finding(MESSAGES.image, 'address', at, { field: name, relativeTo })];
  }
  const resolved = path.resolve(from, written);
  if (!isInside(root, resolved)) {
    return [finding(MESSAGES.image, 'outside', at, { field: name, relativeTo })];
  }
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(path.extname(resolved).toLowerCase())) {
    return [finding(MESSAGES.image, 'extension', at, { field: name, extensions: IMAGE_EXTENSIONS })];
  }
  // The one name rule: a name the build would break on (`?`, `#`, too long) is refused here, not in the build.
  const named = pathNameProblem(posixRelative(root, resolved));
  if (named) return [finding(MESSAGES.image, 'name', at, { field: name, file: named.path, name: named })];
  let size: number;
  try {
    // Follow links too: a link inside the root must not point outside it.
    const realRoot = realpathSync(root);
    const real = realpathSync(resolved);
    if (!isInside(realRoot, real)) {
      return [finding(MESSAGES.image, 'link-outside', at, { field: name })];
    }
    // A link that stays inside is still a link where a file should be.
    if (real !== path.join(realRoot, path.relative(root, resolved))) {
      return [finding(MESSAGES.image, 'through-link', at, { field: name, file: posixRelative(root, resolved) })];
    }
    const info = statSync(real);
    if (!info.isFile()) {
      return [finding(MESSAGES.image, 'not-ordinary', at, { field: name, file: posixRelative(root, resolved) })];
    }
    size = info.size;
  } catch {
    return [finding(MESSAGES.image, 'missing', at, { field: name, file: posixRelative(root, resolved), relativeTo })];
  }
  if (size > MAX_IMAGE_BYTES) {
    return [finding(MESSAGES.image, 'too-large', at, { field: name, megabytes: (size / 1048576).toFixed(1) })];
  }
  // Pictures in assets/ are read once, below, for every file there.
  if (isInside(path.join(root, 'assets'), resolved)) return [];
  const problem = pictureProblem(resolved);
  return problem ? [finding(MESSAGES.image, 'picture', at, { field: name, picture: problem })] : [];
}
