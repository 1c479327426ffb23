/** "Did you mean …?" for near misses in ids, keys and folder names. */

/** Edit distance between two strings (insertions, deletions, substitutions, transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The most edits `word` may be from a candidate to count as a slip: a third of its length, at least 1, at most 3. */
function slipThreshold(word: string): number {
  return Math.min(3, Math.max(1, Math.floor(word.length / 3)));
}

/**
 * The closest candidate to `word`, if it is close enough to be a slip of the
 * keyboard: at most a third of the word's length, and never more than 3 edits
 * (or `maxDistance`). Ties go to the candidate first in alphabetical order.
 */
export function closestMatch(word: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  return closestMatches(word, candidates, 1, maxDistance)[0];
}

/**
 * Up to `limit` candidates close enough to `word` to be slips of the
 * keyboard (the same threshold as `closestMatch`), nearest first, ties in
 * alphabetical order. One pass over the candidates, keeping only `limit`.
 */
export function closestMatches(word: string, candidates: Iterable<string>, limit = 3, maxDistance?: number): string[] {
  const threshold = maxDistance ?? slipThreshold(word);
  const lower = word.toLowerCase();
  const best: { candidate: string; distance: number }[] = [];
  const before = (a: { candidate: string; distance: number }, b: { candidate: string; distance: number }) =>
    a.distance - b.distance || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0);
  for (const candidate of candidates) {
    // Lengths alone bound the distance: skip what cannot be close.
    if (Math.abs(candidate.length - word.length) > threshold) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance > threshold) continue;
    const item = { candidate, distance };
    if (best.length === limit && before(item, best[best.length - 1]!) >= 0) continue;
    best.push(item);
    best.sort(before);
    if (best.length > limit) best.pop();
  }
  return best.map((item) => item.candidate);
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function quotedChoices(words: readonly string[]): string {
  const quoted = words.map((word) => `"${word}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/**
 * The hint for a near miss: `did you mean "x"?` (or `"x", "y" or "z"` when
 * several are as plausible, up to `limit`), or undefined when nothing is
 * close enough to be a slip.
 */
export function didYouMean(word: string, candidates: Iterable<string>, limit = 1): string | undefined {
  const matches = closestMatches(word, candidates, limit);
  return matches.length === 0 ? undefined : `did you mean ${quotedChoices(matches)}?`;
}
