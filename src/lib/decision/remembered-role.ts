/**
 * The reader's role, kept on the device (localStorage, never sent anywhere)
 * so "Can I…?" and the search answer card start from it. One key per site
 * base, so two playbooks on one host do not share it. Storage can be
 * missing or refuse (private windows, blocked storage): then nothing is
 * remembered and nothing fails.
 */

type ReadStorage = Pick<Storage, 'getItem'>;
type WriteStorage = Pick<Storage, 'setItem' | 'removeItem'>;

export function rememberedRoleKey(base: string): string {
  return `latitude:${base}:role`;
}

export function readRememberedRole(storage: ReadStorage | undefined, base: string): string | undefined {
  try {
    return storage?.getItem(rememberedRoleKey(base)) || undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `roleId`; an empty id forgets the role. */
export function rememberRole(storage: WriteStorage | undefined, base: string, roleId: string): void {
  try {
    if (roleId) storage?.setItem(rememberedRoleKey(base), roleId);
    else storage?.removeItem(rememberedRoleKey(base));
  } catch {
    // Storage refused: the helper still works, it just forgets.
  }
}

/** Device storage when the browser lets a script use it. */
export function deviceStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
