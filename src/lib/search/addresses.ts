/** Where the search's own files live in the built site, relative to the base. */

/** The header search box's script, at a fixed address so a page can load it on first focus. */
export const SEARCH_BOX_SCRIPT = '_latitude/search-box.js';

/** Pagefind's script, in the index's `core` part (src/lib/search/parts.ts): the other parts are merged into it. */
export const PAGEFIND_SCRIPT = 'pagefind/core/pagefind.js';

/** playbook.yaml's synonyms, as JSON (src/pages/search/synonyms.json.ts). */
export const SYNONYMS_FILE = 'search/synonyms.json';
