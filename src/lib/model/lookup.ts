/** Finding an entry by id in the model without scanning it on every use. */

const boundaryIndexes = new WeakMap<object, Map<string, unknown>>();

/** A boundary that has a page (published or retired), by id. */
export function findBoundary<B extends { id: string }>(playbook: { pages: { boundaries: readonly B[] } }, id: string): B | undefined {
  let index = boundaryIndexes.get(playbook) as Map<string, B> | undefined;
  if (!index) {
    index = new Map(playbook.pages.boundaries.map((boundary) => [boundary.id, boundary]));
    boundaryIndexes.set(playbook, index);
  }
  return index.get(id);
}
