/**
 * The header's search box, once someone focuses it (SearchBoxLoader loads
 * this file then; until that moment the page runs no script): the top
 * results appear under the box as they type, with a link to all of them.
 * A query with an amount ("refund 80") is a question: its first line is the
 * verdict for the remembered role (or an offer to ask "Can I…?" with that
 * amount), and the amount is left out of the words searched for.
 * Enter still submits the form to /search/?q=…, as it does without script.
 */
import styles from '../components/search/search-results.css?inline';
import { searchWords } from '../lib/decision/amount-query.ts';
import { readSearchState } from '../lib/search/filters.ts';
import type { SearchAnswer } from './search-answer.ts';
import { searchAnswerFor } from './search-answer-on-demand.ts';
import { loadSearchEngine } from './search-engine.ts';
import { pageHref, pageWords } from './page-words.ts';
import { appendHits, arrowKeys, RESULTS_SHOWN } from './search-results.ts';
import { typingPause } from '../lib/search/typing.ts';

export function enhanceSearchBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input || form.dataset.enhanced) return;
  form.dataset.enhanced = 'true';
  addStyles();

  const panel = document.createElement('div');
  panel.className = 'search-popover';
  panel.id = `search-popover-${Math.random().toString(36).slice(2, 8)}`;
  panel.hidden = true;
  // The live region stays in the page while the panel is hidden, so the count is announced when it changes.
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  const answer = document.createElement('div');
  answer.className = 'search-popover__answer';
  answer.hidden = true;
  const summary = document.createElement('p');
  summary.className = 'search-popover__status';
  const list = document.createElement('ol');
  list.className = 'search-hits search-hits--compact';
  void pageWords('search').then((words) => list.setAttribute('aria-label', words.t('search.topResults')));
  const all = document.createElement('a');
  all.className = 'search-popover__all';
  all.dataset.searchAll = '';
  panel.append(answer, summary, list, all);
  form.append(status, panel);
  input.setAttribute('aria-controls', panel.id);

  let run = 0;
  let pause: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    panel.hidden = true;
  };

  const search = async () => {
    const query = input.value.trim();
    const mine = ++run;
    if (!query) {
      close();
      status.textContent = '';
      return;
    }
    try {
      const [found, said, words] = await Promise.all([
        loadSearchEngine().then(async (engine) => {
          const state = readSearchState(new URLSearchParams({ q: searchWords(query) }));
          // The index's core first; the wins too when it has too little to show.
          const first = await engine.search(state);
          return first.total >= RESULTS_SHOWN ? first : first.widen();
        }),
        searchAnswerFor(query).catch(() => undefined),
        pageWords('search'),
      ]);
      const hits = await found.hits(0, RESULTS_SHOWN);
      if (mine !== run) return;
      showAnswer(answer, said);
      list.replaceChildren();
      appendHits(list, hits, { words, compact: true });
      summary.textContent = found.total === 0 ? words.t('search.noResultsFor', { query }) : words.t('count.results', { count: found.total });
      const results = found.total === 0 ? summary.textContent : words.t('search.keyboardHint', { summary: summary.textContent });
      status.textContent = said ? `${said.heading}. ${said.text} ${results}` : results;
      all.href = `${pageHref('search/')}?${new URLSearchParams({ q: query })}`;
      all.textContent = !found.complete
        ? words.t('search.seeAllWithWins')
        : found.total > RESULTS_SHOWN
          ? words.t('search.seeAll', { count: found.total })
          : words.t('search.openPage');
      panel.hidden = false;
    } catch {
      close(); // the form still submits to the search page
    }
  };

  const typing = () => {
    clearTimeout(pause);
    // The words searched for: an amount ("refund 80") is the question's, not the index's.
    const typed = searchWords(input.value);
    void loadSearchEngine()
      .then((engine) => engine.preload(typed))
      .catch(() => undefined);
    pause = setTimeout(search, typingPause(typed));
  };
  input.addEventListener('input', typing);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      close();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.children.length > 0) panel.hidden = false;
  });
  arrowKeys(input, panel, close);

  void loadSearchEngine().catch(() => undefined); // start loading while they type
  // What was typed before this script arrived ("re" of "refund") waits for a pause like any typing, not searched at once.
  if (input.value.trim()) typing();
}

/** The popover's first line: the verdict (or the offer to ask "Can I…?"), linking to the helper with the question filled in. */
function showAnswer(box: HTMLElement, said: SearchAnswer | undefined): void {
  box.hidden = !said;
  if (!said) return box.replaceChildren();
  const link = Object.assign(document.createElement('a'), { className: 'search-popover__answer-link', href: said.helper, textContent: said.heading });
  link.dataset.searchAnswer = '';
  const text = Object.assign(document.createElement('p'), { className: 'search-popover__verdict', textContent: said.text });
  box.dataset.kind = said.kind;
  box.replaceChildren(link, text);
}

let stylesAdded = false;

/** A constructed style sheet, not a <style> element: the site's Content Security Policy refuses inline <style> it has not hashed. */
function addStyles(): void {
  if (stylesAdded) return;
  stylesAdded = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
