/** The loader's picture for a win: Astro's image metadata when the entry has one. */
import type { ImageMetadata } from 'astro';

export function asImage(image: unknown): ImageMetadata | undefined {
  if (typeof image !== 'object' || image === null) return undefined;
  const candidate = image as Partial<ImageMetadata>;
  return typeof candidate.src === 'string' && typeof candidate.width === 'number' && typeof candidate.height === 'number'
    ? (image as ImageMetadata)
    : undefined;
}
