/**
 * `/` and Ctrl-K (⌘-K on a Mac) put the cursor in the search box, on every
 * page (the header's box, or the search page's own), as constant text
 * (the shared page script; inline on the dev server). Never while
 * the reader is typing in a field: there `/` is a character and Ctrl-K the
 * field's own. Screen readers learn of it from the box itself
 * (aria-keyshortcuts, and its description names the keys), and hear the
 * box's name when the shortcut moves them there.
 *
 * Constant text, shipped inside the one shared page script
 * (src/layouts/page-script.ts) that every page loads as a file.
 */

/** The attribute that marks the box the shortcut goes to. */
export const SEARCH_SHORTCUT_ATTRIBUTE = 'data-search-shortcut';

/** The keys, as aria-keyshortcuts names them. */
export const SEARCH_SHORTCUT_KEYS = '/ Control+K Meta+K';

export const SEARCH_SHORTCUT = `(() => {
  const typing = (target) =>
    target instanceof Element && (target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null || (target instanceof HTMLElement && target.isContentEditable));
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || event.altKey) return;
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey;
    const k = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.shiftKey;
    if ((!slash && !k) || typing(event.target)) return;
    const box = document.querySelector('input[${SEARCH_SHORTCUT_ATTRIBUTE}]');
    if (!box || box.getClientRects().length === 0) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
})();`;
