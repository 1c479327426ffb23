/**
 * The header search box's loader, as the exact text of its inline <script>
 * (src/components/search/SearchBoxLoader.astro). It is constant — it reads
 * the search box script's address from the page — so its hash is known
 * before any build and the site's Content Security Policy lists it
 * (src/lib/security/content-security-policy.ts); every other inline script
 * is refused. Change it freely: the hash follows.
 */
export const SEARCH_BOX_LOADER = `(() => {
  const src = document.querySelector('template[data-latitude-search-box]')?.dataset.latitudeSearchBox;
  if (!src) return;
  document.querySelectorAll('form[data-latitude-search]').forEach((form) => {
    form.addEventListener('focusin', () => import(src).then((box) => box.enhanceSearchBox(form)).catch(() => {}), { once: true });
  });
})();`;
