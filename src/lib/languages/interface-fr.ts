/**
 * Latitude's interface words in French, in Canadian French usage (« courriel »,
 * « magasin », 75 $): every key of interface-en.ts.
 */
import type { Dictionary } from './interface-en.ts';

export const FRENCH: Dictionary = {
  'language.name': 'Français',
};
