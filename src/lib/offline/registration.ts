/**
 * Registers the offline service worker of the page's language (`<base>sw.js`,
 * `<base>fr-ca/sw.js`…, written after the build by src/integrations/offline.ts),
 * as constant text shipped inside the one shared page script
 * (src/layouts/page-script.ts). Builds only: the dev server builds no worker.
 *
 * **The offline copy waits for the reader** (issue 20: a first query of at
 * most 150 kB). Registering starts the worker's precache: at 20,000
 * entries about 340 kB (each role's "Can I…?" answers, the search engine,
 * the worker itself) that used to download while the page loaded and the
 * reader's first search ran, and came before it on a slow phone. The worker
 * is registered once the page has loaded and then fetched nothing and seen
 * no typing for `OFFLINE_QUIET_MS`: a reader who came with a question gets
 * the answer first, and a reader who stays a few seconds still has the
 * offline copy after one visit (tests/browser/phone.test.ts). A page that
 * is already controlled (a returning reader) waits the same way: the
 * browser checks for a new worker on each visit anyway.
 *
 * The worker's address comes from the page: `<html data-language-root>` on
 * a translated page, otherwise the base, read off this script's own
 * address (`<base>_latitude/page.js`), so the page carries nothing for it.
 */
import { SERVICE_WORKER_FILE } from './urls.ts';

/** How long the page must be quiet (no fetch finished, no typing) before the offline copy starts. */
export const OFFLINE_QUIET_MS = 3000;

export const SERVICE_WORKER_REGISTRATION = `(() => {
  const script = document.currentScript;
  if (!('serviceWorker' in navigator) || !script || !('PerformanceObserver' in window)) return;
  // <base>_latitude/page.js → <base>
  const root = document.documentElement.dataset.languageRoot ?? new URL('../', script.src).pathname;
  const scope = root.endsWith('/') ? root : root + '/';
  let timer;
  const observer = new PerformanceObserver(() => later());
  const register = () => {
    observer.disconnect();
    removeEventListener('input', later, true);
    navigator.serviceWorker.register(scope + '${SERVICE_WORKER_FILE}', { scope }).catch(() => {
      // No worker (a host that refuses it, a private window): the site still works online.
    });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(register, ${OFFLINE_QUIET_MS});
  };
  const start = () => {
    observer.observe({ type: 'resource' });
    addEventListener('input', later, true);
    later();
  };
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
})();`;
