/**
 * A boundary's change history: newest first, each change with an anchor
 * that stays the same when later changes are added (feeds use it as the
 * item's permanent link).
 */

export interface Change {
  date: string;
  summary: string;
}

export interface AnchoredChange extends Change {
  /** `change-2026-03-01`, or `change-2026-03-01-2` for a second change that day (counted from the oldest). */
  anchor: string;
}

export function anchoredHistory(changes: readonly Change[]): AnchoredChange[] {
  const oldestFirst = changes.map((change, index) => ({ change, index })).sort((a, b) => a.change.date.localeCompare(b.change.date) || b.index - a.index);
  const seen = new Map<string, number>();
  const anchored = oldestFirst.map(({ change }) => {
    const count = (seen.get(change.date) ?? 0) + 1;
    seen.set(change.date, count);
    return { ...change, anchor: count === 1 ? `change-${change.date}` : `change-${change.date}-${count}` };
  });
  return anchored.reverse();
}
