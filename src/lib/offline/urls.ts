/** Where the service worker lives, and the address a built file is fetched at. Pure: the integration and the page script share it. */

export const SERVICE_WORKER_FILE = 'sw.js';

/** A built file's address: `boundaries/x/index.html` → `<base>boundaries/x/`, the way pages are linked. */
export function precacheUrl(file: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (file === 'index.html') return root;
  return `${root}${file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file}`;
}
