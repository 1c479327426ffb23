/**
 * Search results as plain, accessible HTML: a list of links, each with the
 * entry's type, its summary and, for a boundary, every role's limit, so a
 * result already answers "may I…?". Arrow keys move between the links and
 * back to the search input; Tab works as everywhere else.
 */
import { languageName } from '../lib/languages/site-languages.ts';
import type { Words } from '../lib/languages/words.ts';
import type { SearchHit } from './search-engine.ts';

/**
 * Results shown at once, in the header box and per "Show more results" on
 * the search page: five, as Pagefind's own UI shows. Each result loads its
 * fragment (about 2 kB gzipped at 20,000 entries); ten made the search
 * page's first query 156 kB against issue 20's 150 kB, five keep it at 146 kB.
 */
export const RESULTS_SHOWN = 5;

export interface RenderOptions {
  /** The page's words: the results' labels are in its language. */
  words: Words;
  /** Heading level for each result's title on the search page; none in the header box. */
  headingLevel?: 2 | 3;
  /** Leave out excerpts and limits beyond the first few, for the header box. */
  compact?: boolean;
}

/** Appends one `<li>` per hit to `list`. */
export function appendHits(list: HTMLOListElement | HTMLUListElement, hits: readonly SearchHit[], options: RenderOptions): void {
  const fragment = document.createDocumentFragment();
  for (const hit of hits) fragment.append(hitItem(hit, options));
  list.append(fragment);
}

function hitItem(hit: SearchHit, { words, headingLevel, compact = false }: RenderOptions): HTMLLIElement {
  const item = element('li', 'search-hit');
  const title = element(headingLevel ? `h${headingLevel}` : 'p', 'search-hit__title');
  const link = element('a', 'search-hit__link');
  link.href = hit.url;
  link.textContent = hit.title;
  // A page shown in the base language (not yet translated) says so, and its words carry their language.
  if (hit.language) link.lang = hit.language;
  title.append(link);
  if (hit.type) {
    const type = text('p', 'search-hit__type', hit.type);
    if (hit.language) type.append(` · ${words.t('translation.inLanguage', { language: languageName(hit.language, words.tag) })}`);
    item.append(type);
  }
  item.append(title);
  if (hit.summary) {
    const summary = text('p', 'search-hit__summary', hit.summary);
    if (hit.language) summary.lang = hit.language;
    item.append(summary);
  }
  if (hit.limits.length > 0) {
    const limits = element('ul', 'search-hit__limits');
    limits.setAttribute('aria-label', words.t('search.limitsByRole'));
    const shown = compact ? hit.limits.slice(0, 3) : hit.limits;
    for (const line of shown) limits.append(text('li', '', line));
    if (shown.length < hit.limits.length)
      limits.append(text('li', 'search-hit__more', words.t('search.moreRoles', { count: hit.limits.length - shown.length })));
    item.append(limits);
  }
  if (!compact && hit.excerpt && !saysNothingNew(hit)) {
    const excerpt = element('p', 'search-hit__excerpt');
    excerpt.innerHTML = hit.excerpt; // Pagefind escapes the page text and adds only <mark>
    item.append(excerpt);
  }
  return item;
}

/**
 * Arrow keys for a search input and its results: Down from the input goes to
 * the first result, Up and Down move between results, Up from the first goes
 * back to the input, Home and End jump to the ends, Escape returns to the input.
 */
export function arrowKeys(input: HTMLInputElement, results: HTMLElement, onEscape?: () => void): void {
  const links = () => [...results.querySelectorAll<HTMLAnchorElement>('a[data-search-answer], a.search-hit__link, a[data-search-all]')];
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = links()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  results.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at === -1 && event.key !== 'Escape') return;
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown') next = all[Math.min(at + 1, all.length - 1)];
    else if (event.key === 'ArrowUp') next = at === 0 ? input : all[at - 1];
    else if (event.key === 'Home') next = all[0];
    else if (event.key === 'End') next = all[all.length - 1];
    else if (event.key === 'Escape') {
      next = input;
      onEscape?.();
    } else return;
    event.preventDefault();
    next?.focus();
  });
}

/** An excerpt is worth showing only when it shows a match the title and summary do not. */
function saysNothingNew(hit: SearchHit): boolean {
  const shown = `${hit.title} ${hit.summary}`.toLowerCase();
  const matched = [...hit.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!.toLowerCase());
  return matched.every((word) => shown.includes(word));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K];
function element(tag: string, className: string): HTMLElement;
function element(tag: string, className: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

function text(tag: string, className: string, content: string): HTMLElement {
  const node = element(tag, className);
  node.textContent = content;
  return node;
}
