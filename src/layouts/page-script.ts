/**
 * The script every page loads (issue 20, item 5: lighter pages): the
 * reader's light/dark choice, the search shortcut, the header search
 * box's loader and the offline worker's registration, as one file at a
 * fixed address instead of four inline scripts repeated in every page. A browser downloads it once and keeps it;
 * each page carries one short <script src> (about 2.4 kB less a page).
 *
 * It is a classic script, first in <body> (after the Content Security
 * Policy's <meta>, first in <head>), so it blocks
 * the drawing of the page until the theme is set: no flash of the light
 * page when Dark was chosen. The search box loader waits for the page to
 * be parsed (it looks for the box), the offline worker for the page to be
 * loaded and quiet. The texts are the same constants as before, so their
 * behaviour and tests are unchanged; a build writes the file
 * (src/integrations/page-script.ts) and `v` changes with its text.
 * The dev server has no such file: there BaseLayout inlines the same texts,
 * except the worker's registration (the dev server has no worker).
 */
import { createHash } from 'node:crypto';
import { SEARCH_BOX_LOADER } from '../lib/search/search-box-loader.ts';
import { SEARCH_SHORTCUT } from '../lib/search/search-shortcut.ts';
import { THEME_SCRIPT } from '../lib/theme/theme-script.ts';
import { SERVICE_WORKER_REGISTRATION } from '../lib/offline/registration.ts';

/** Where a build writes the page script, relative to the site's base. */
export const PAGE_SCRIPT_FILE = '_latitude/page.js';

/**
 * The page script's text: the theme at once, the shortcut's listener, the
 * search box loader once the page is parsed, and the offline worker once
 * the page is quiet (src/lib/offline/registration.ts: it reads this file's
 * own address, so it runs here, as the file is executed).
 */
export const PAGE_SCRIPT = [
  '// Latitude: the light/dark choice, the search shortcut and the search box loader (src/layouts/page-script.ts).',
  THEME_SCRIPT,
  SEARCH_SHORTCUT,
  `document.addEventListener('DOMContentLoaded', () => {\n${SEARCH_BOX_LOADER}\n});`,
  SERVICE_WORKER_REGISTRATION,
  '',
].join('\n');

/** Changes exactly when the script's text does, so a new deploy is never served an old copy. */
export const PAGE_SCRIPT_VERSION = createHash('sha256').update(PAGE_SCRIPT).digest('hex').slice(0, 10);
