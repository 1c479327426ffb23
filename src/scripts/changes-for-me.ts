/**
 * What changed for me (issue 18): for the role remembered on this device,
 * the boundary changes new since the last visit, from the role's small
 * `/roles/<id>/changes.json`. A first visit only remembers what there is;
 * "Clear" remembers everything shown, so the box goes until the next change.
 */
import { deviceStorage, readRememberedRole } from '../lib/decision/remembered-role.ts';
import { markSeen, readSeen, seenStorageKey, unseenChanges, type RoleChange } from '../lib/views/role-changes.ts';
import type { Words } from '../lib/languages/words.ts';
import { pageHref, pageWords } from './page-words.ts';

const box = document.querySelector<HTMLElement>('[data-changes-for-me]');
const storage = deviceStorage();
const role = readRememberedRole(storage, import.meta.env.BASE_URL);

if (box && role) void show(box, role);

async function show(box: HTMLElement, role: string): Promise<void> {
  let changes: RoleChange[];
  try {
    const response = await fetch(pageHref(`roles/${encodeURIComponent(role)}/changes.json`));
    if (!response.ok) return;
    changes = ((await response.json()) as { changes: RoleChange[] }).changes;
  } catch {
    return;
  }
  const key = seenStorageKey(import.meta.env.BASE_URL, role);
  const seen = readSeen(storage, key);
  if (seen === undefined) {
    markSeen(storage, key, changes);
    return;
  }
  const fresh = unseenChanges(changes, seen);
  if (fresh.length === 0) return;
  const words: Words = await pageWords();
  const list = box.querySelector<HTMLElement>('[data-changes-for-me-list]')!;
  list.replaceChildren(
    ...fresh.map((change) => {
      const item = document.createElement('li');
      const time = document.createElement('time');
      time.dateTime = change.date;
      time.textContent = words.date(change.date);
      const link = document.createElement('a');
      link.href = pageHref(change.path);
      link.textContent = change.boundary;
      item.append(time, ' — ', link, `: ${change.summary}`);
      return item;
    }),
  );
  box.querySelector<HTMLAnchorElement>('[data-changes-for-me-all]')!.href = pageHref(`changes/${encodeURIComponent(role)}/`);
  box.querySelector<HTMLButtonElement>('[data-changes-for-me-clear]')!.addEventListener('click', () => {
    markSeen(storage, key, changes);
    box.hidden = true;
  });
  box.hidden = false;
}
