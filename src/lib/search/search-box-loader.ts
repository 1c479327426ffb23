/**
 * The header search box's loader, as constant text: it reads the search
 * box script's address from the page. A build ships it inside the one
 * shared page script (src/layouts/page-script.ts, a file every page loads,
 * so no hash in the Content Security Policy); the dev server inlines it
 * (src/components/search/SearchBoxLoader.astro). Change it freely: the
 * page script's version follows.
 */
export const SEARCH_BOX_LOADER = `(() => {
  const src = document.querySelector('template[data-latitude-search-box]')?.dataset.latitudeSearchBox;
  if (!src) return;
  document.querySelectorAll('form[data-latitude-search]').forEach((form) => {
    form.addEventListener('focusin', () => import(src).then((box) => box.enhanceSearchBox(form)).catch(() => {}), { once: true });
  });
})();`;
