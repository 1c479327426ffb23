/**
 * The search page: `?q=` (and any filters in the address) fill the form and
 * run at once; typing and ticking filters search again and keep the address
 * in step, so every search can be linked to and comes back on reload.
 */
import { FILTER_KEYS, readSearchState, writeSearchState, type FilterChoice, type SearchState } from '../lib/search/filters.ts';
import { searchWords } from '../lib/decision/amount-query.ts';
import type { Words } from '../lib/languages/words.ts';
import { inlineWords } from './page-words.ts';
import { loadSearchEngine, type SearchOutcome } from './search-engine.ts';
import { showAnswerCardFor } from './search-answer-on-demand.ts';
import { appendHits, arrowKeys, RESULTS_SHOWN } from './search-results.ts';
import { typingPause } from '../lib/search/typing.ts';

export function startSearchPage(root: HTMLElement): void {
  const words = inlineWords();
  if (!words) return; // the page always carries its words; without them the form still submits
  const form = root.querySelector<HTMLFormElement>('form[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const filtersPanel = root.querySelector<HTMLDetailsElement>('details[data-search-filters]');
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('ol[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('button[data-search-more]')!;
  const answer = root.querySelector<HTMLElement>('[data-search-answer]');

  let outcome: SearchOutcome | undefined;
  let shown = 0;
  let run = 0;
  let pause: ReturnType<typeof setTimeout> | undefined;

  const state = readSearchState(new URLSearchParams(location.search));
  fillForm(form, state);
  if (filtersPanel && (Object.keys(state.filters).length > 0 || matchMedia('(min-width: 56rem)').matches)) filtersPanel.open = true;
  arrowKeys(input, list);

  const search = async () => {
    const current = formState(form);
    const params = writeSearchState(current).toString();
    history.replaceState(history.state, '', params ? `?${params}` : location.pathname);
    const mine = ++run;
    if (answer) showAnswerCardFor(answer, current.query);
    status.textContent = current.query || Object.keys(current.filters).length > 0 ? words.t('search.searching') : '';
    let found: SearchOutcome;
    try {
      // An amount is a question for the answer card, never a word to find.
      // The index's core first; the wins too when it has less than a page to show.
      found = await (await loadSearchEngine()).search({ ...current, query: searchWords(current.query) });
      if (found.total < RESULTS_SHOWN) found = await found.widen();
    } catch {
      if (mine !== run) return;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = words.t('search.unavailable');
      return;
    }
    const hits = await found.hits(0, RESULTS_SHOWN);
    if (mine !== run) return; // a newer search has started
    outcome = found;
    shown = hits.length;
    list.replaceChildren();
    appendHits(list, hits, { words, headingLevel: 3 });
    more.hidden = shown >= found.total && found.complete;
    status.textContent = summary(current, found, words);
  };

  input.addEventListener('input', () => {
    clearTimeout(pause);
    // The words searched for: an amount ("refund 80") is the question's, not the index's.
    const typed = searchWords(input.value);
    void loadSearchEngine()
      .then((engine) => engine.preload(typed))
      .catch(() => undefined);
    pause = setTimeout(search, typingPause(typed));
  });
  form.addEventListener('change', (event) => {
    if (event.target !== input) void search();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(pause);
    void search();
  });
  more.addEventListener('click', async () => {
    if (!outcome) return;
    const mine = run;
    // Past the core's results: the wins come after them.
    const widened = shown >= outcome.total ? await outcome.widen() : outcome;
    const hits = await widened.hits(shown, RESULTS_SHOWN);
    if (mine !== run) return;
    if (widened !== outcome) status.textContent = summary(formState(form), widened, words);
    outcome = widened;
    const firstNew = list.children.length;
    appendHits(list, hits, { words, headingLevel: 3 });
    shown += hits.length;
    more.hidden = shown >= outcome.total && outcome.complete;
    list.children[firstNew]?.querySelector<HTMLAnchorElement>('a')?.focus();
  });

  void search();
}

function fillForm(form: HTMLFormElement, state: SearchState): void {
  form.querySelector<HTMLInputElement>('input[name="q"]')!.value = state.query;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = (state.filters[box.name as keyof FilterChoice] ?? []).includes(box.value);
  }
  const order = form.querySelector<HTMLSelectElement>('select[name="order"]');
  if (order) order.value = state.order;
}

function formState(form: HTMLFormElement): SearchState {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const [key, value] of data) if (typeof value === 'string') params.append(key, value);
  return readSearchState(params);
}

function summary(state: SearchState, { total, complete }: SearchOutcome, words: Words): string {
  const chosen = FILTER_KEYS.flatMap((key) => state.filters[key] ?? []);
  const what = state.query ? words.t('search.forQuery', { query: state.query }) : words.t('search.forFilters');
  const within = state.query && chosen.length > 0 ? words.t('search.filteredBy', { filters: chosen.join(', ') }) : '';
  if (!state.query && chosen.length === 0 && state.order === 'relevance') return '';
  if (total === 0) return words.t(chosen.length > 0 ? 'search.noResultsFilters' : 'search.noResults', { what, within });
  const found = words.t('search.found', { results: words.t('count.results', { count: total }), what, within });
  // Before the wins are searched, the count says what it left out.
  return complete ? found : `${found} ${words.t('search.winsLater')}`;
}
