/**
 * What changed for me (issue 18): for the role remembered on this device,
 * what is new since the last visit, from the role's small
 * `/roles/<id>/changes.json`. A first visit only remembers what there is;
 * each visit moves the mark on, so the next shows only what came after it;
 * "Clear" hides the list for the rest of this visit.
 */
import { deviceStorage, readRememberedRole } from '../lib/decision/remembered-role.ts';
import { clearVisit, seenStorageKey, visitChanges, visitStorageKey, type RoleChange } from '../lib/views/role-changes.ts';
import type { Words } from '../lib/languages/words.ts';
import { pageHref, pageWords } from './page-words.ts';

const box = document.querySelector<HTMLElement>('[data-changes-for-me]');
const storage = deviceStorage();
const role = readRememberedRole(storage, import.meta.env.BASE_URL);

if (box && role) void show(box, role);

function sessionStorageOrNone(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

async function show(box: HTMLElement, role: string): Promise<void> {
  let changes: RoleChange[];
  try {
    const response = await fetch(pageHref(`roles/${encodeURIComponent(role)}/changes.json`));
    if (!response.ok) return;
    changes = ((await response.json()) as { changes: RoleChange[] }).changes;
  } catch {
    return;
  }
  const session = sessionStorageOrNone();
  const keys = { seen: seenStorageKey(import.meta.env.BASE_URL, role), visit: visitStorageKey(import.meta.env.BASE_URL, role) };
  const fresh = visitChanges(changes, storage, session, keys);
  if (fresh.length === 0) return;
  const words: Words = await pageWords();
  const list = box.querySelector<HTMLElement>('[data-changes-for-me-list]')!;
  list.replaceChildren(
    ...fresh.map(({ change, kind }) => {
      const item = document.createElement('li');
      item.dataset.kind = kind;
      const time = document.createElement('time');
      time.dateTime = change.date;
      time.textContent = words.date(change.date);
      const label = document.createElement('strong');
      label.textContent = words.t(`forMe.kind.${kind}`);
      const link = document.createElement('a');
      link.href = pageHref(change.path);
      link.textContent = change.title;
      item.append(time, ' — ', label, ': ', link, `: ${change.summary}`);
      return item;
    }),
  );
  box.querySelector<HTMLAnchorElement>('[data-changes-for-me-all]')!.href = pageHref(`changes/${encodeURIComponent(role)}/`);
  box.querySelector<HTMLButtonElement>('[data-changes-for-me-clear]')!.addEventListener('click', () => {
    clearVisit(changes, storage, session, keys);
    box.hidden = true;
  });
  box.hidden = false;
}
