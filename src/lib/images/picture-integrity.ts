/**
 * Whether a picture file is whole: its container read from start to end,
 * each part where its length says, each checksum right, up to the marker
 * that ends the picture. A file cut short (an upload that stopped, a copy
 * that failed) has a sound header, so the header alone passes it, and the
 * image pipeline then publishes a broken picture or stops the build; read
 * this far, it is refused by the validator with the file named.
 *
 * Linear in the file's size, and bounded by it: every step moves forward.
 */
import { crc32 } from 'node:zlib';

/** The formats the image pipeline takes, by image-size's names. */
export type PictureFormat = 'jpg' | 'png' | 'gif' | 'webp' | 'heif';

/** What is wrong with the picture's container, in words, or undefined when it is whole. */
export function pictureDamage(bytes: Uint8Array, format: PictureFormat): string | undefined {
  switch (format) {
    case 'jpg':
      return jpegDamage(bytes);
    case 'png':
      return pngDamage(bytes);
    case 'gif':
      return gifDamage(bytes);
    case 'webp':
      return webpDamage(bytes);
    case 'heif':
      return boxesDamage(bytes);
  }
}

const CUT_SHORT = 'the file ends before the picture does (it was cut short)';

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
}

function jpegDamage(bytes: Uint8Array): string | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return 'the JPEG does not start as a JPEG does';
  let at = 2;
  let frame = false;
  let scan = false;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return 'the JPEG has data where a marker should be (it is damaged)';
    while (bytes[at] === 0xff) at++;
    const marker = bytes[at++];
    if (marker === undefined) break;
    if (marker === 0xd9) return frame && scan ? undefined : 'the JPEG ends before its picture data';
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (at + 2 > bytes.length) break;
    const length = u16(bytes, at);
    if (length < 2 || at + length > bytes.length) break;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true;
    at += length;
    if (marker === 0xda) {
      scan = true;
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      while (at < bytes.length) {
        if (bytes[at] === 0xff && at + 1 < bytes.length) {
          const next = bytes[at + 1]!;
          if (next !== 0 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        }
        at++;
      }
    }
  }
  return CUT_SHORT;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngDamage(bytes: Uint8Array): string | undefined {
  if (PNG_SIGNATURE.some((byte, i) => bytes[i] !== byte)) return 'the PNG does not start as a PNG does';
  let at = 8;
  let first = true;
  let data = false;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    if (at + 12 + length > bytes.length) return CUT_SHORT;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (first && type !== 'IHDR') return 'the PNG does not begin with its header';
    first = false;
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== u32(bytes, at + 8 + length))
      return `the PNG's ${type.replace(/[^\x20-\x7e]/g, '?')} part is damaged (its checksum is wrong)`;
    if (type === 'IDAT') data = true;
    if (type === 'IEND') return data ? undefined : 'the PNG has no picture data';
    at += 12 + length;
  }
  return CUT_SHORT;
}

function gifDamage(bytes: Uint8Array): string | undefined {
  const text = String.fromCharCode(...bytes.subarray(0, 6));
  if (text !== 'GIF87a' && text !== 'GIF89a') return 'the GIF does not start as a GIF does';
  if (bytes.length < 13) return CUT_SHORT;
  let at = 13;
  const packed = bytes[10]!;
  if (packed & 0x80) at += 3 * 2 ** ((packed & 0x07) + 1);
  let image = false;
  const skipSubBlocks = (): boolean => {
    while (at < bytes.length) {
      const size = bytes[at++]!;
      if (size === 0) return true;
      at += size;
    }
    return false;
  };
  while (at < bytes.length) {
    const block = bytes[at++];
    if (block === 0x3b) return image ? undefined : 'the GIF has no picture in it';
    if (block === 0x21) {
      at++; // the extension's label
      if (!skipSubBlocks()) return CUT_SHORT;
    } else if (block === 0x2c) {
      if (at + 9 > bytes.length) return CUT_SHORT;
      const local = bytes[at + 8]!;
      at += 9;
      if (local & 0x80) at += 3 * 2 ** ((local & 0x07) + 1);
      at++; // LZW minimum code size
      if (!skipSubBlocks()) return CUT_SHORT;
      image = true;
    } else {
      return 'the GIF has data where a block should start (it is damaged)';
    }
  }
  return CUT_SHORT;
}

function webpDamage(bytes: Uint8Array): string | undefined {
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== 'RIFF' || String.fromCharCode(...bytes.subarray(8, 12)) !== 'WEBP')
    return 'the WebP does not start as a WebP does';
  const size = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0;
  if (8 + size > bytes.length) return CUT_SHORT;
  let at = 12;
  let image = false;
  while (at + 8 <= 8 + size) {
    const type = String.fromCharCode(...bytes.subarray(at, at + 4));
    const length = (bytes[at + 4]! | (bytes[at + 5]! << 8) | (bytes[at + 6]! << 16) | (bytes[at + 7]! << 24)) >>> 0;
    if (at + 8 + length > 8 + size) return CUT_SHORT;
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') image = true;
    at += 8 + length + (length % 2);
  }
  return image ? undefined : 'the WebP has no picture data';
}

/** AVIF and HEIF: ISO boxes, one after another to the end of the file, picture data (mdat) included. */
function boxesDamage(bytes: Uint8Array): string | undefined {
  let at = 0;
  let media = false;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return CUT_SHORT;
    let size = u32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (size === 1) {
      if (at + 16 > bytes.length) return CUT_SHORT;
      size = u32(bytes, at + 8) * 2 ** 32 + u32(bytes, at + 12);
    } else if (size === 0) {
      size = bytes.length - at;
    }
    if (size < 8 || at + size > bytes.length) return CUT_SHORT;
    if (type === 'mdat') media = true;
    at += size;
  }
  return media ? undefined : 'the picture file holds no picture data';
}
