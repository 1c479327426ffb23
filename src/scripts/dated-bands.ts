/**
 * Dated grants on the role tables and pocket cards: the build wrote the
 * bands of every window of days (those of the build date shown); this shows
 * the bands of the reader's device date instead, and says which date it used
 * when the terms change soon (`dayNote`, the same words as "Can I…?").
 * Without it the page keeps the build date's bands and says so.
 */
import { dayNote } from '../lib/decision/verdict-text.ts';
import { appliesOn, localDay } from '../lib/domain/ladder.ts';
import { pageWords } from './page-words.ts';

const groups = [...document.querySelectorAll<HTMLElement>('[data-dated-bands]')];
if (groups.length > 0) void show(groups);

async function show(groups: HTMLElement[]): Promise<void> {
  const day = localDay(new Date());
  const words = await pageWords();
  for (const group of groups) {
    const lists = [...group.querySelectorAll<HTMLOListElement>('ol[data-from], ol[data-until], ol[data-verdict-bands], ol[data-window-bands]')];
    const windowOf = (list: HTMLOListElement) => ({ from: list.dataset.from || undefined, until: list.dataset.until || undefined });
    const chosen = lists.find((list) => appliesOn(windowOf(list), day));
    if (!chosen) continue;
    for (const list of lists) list.hidden = list !== chosen;
    const note = group.querySelector<HTMLElement>('[data-day-note]');
    if (!note) continue;
    const text = dayNote({ on: day, window: windowOf(chosen) }, 'device', words);
    note.textContent = text ?? '';
    note.hidden = !text;
  }
}
