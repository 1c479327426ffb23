/**
 * The light/dark/auto choice, as the exact text of the first part of the
 * page script, loaded first in every page's <body> (src/layouts/page-script.ts;
 * BaseLayout puts it after the Content Security Policy's <meta>, first in
 * <head>; the dev server inlines this text). It
 * runs before anything in the body is drawn: it reads the reader's choice from this
 * device (localStorage) and sets `<html data-theme="auto|light|dark">`, so
 * a dark page never flashes light. The stylesheet picks the colours from
 * data-theme (src/styles/global.css) and shows the header's Theme control
 * only once data-theme is set: without JavaScript there is no control and
 * the system's setting decides, as before.
 *
 * A file of the site's own, so the Content Security Policy allows it by
 * 'self' (src/lib/security/content-security-policy.ts). Change it freely:
 * the file's version follows.
 */

/** Where the choice is kept on the device. `auto` is kept as no entry. */
export const THEME_STORAGE_KEY = 'latitude-theme';

/** The choices, in the control's order: follow the system, or always light or dark. */
export const THEME_CHOICES = ['auto', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_SCRIPT = `(() => {
  const key = ${JSON.stringify(THEME_STORAGE_KEY)};
  const choices = ${JSON.stringify(THEME_CHOICES)};
  const root = document.documentElement;
  const stored = () => {
    try {
      const value = localStorage.getItem(key);
      return choices.includes(value) ? value : 'auto';
    } catch {
      return 'auto';
    }
  };
  const controls = () => document.querySelectorAll('select[data-theme-choice]');
  const apply = (choice) => {
    root.dataset.theme = choice;
    controls().forEach((select) => (select.value = choice));
  };
  apply(stored());
  document.addEventListener('DOMContentLoaded', () => {
    apply(root.dataset.theme);
    controls().forEach((select) =>
      select.addEventListener('change', () => {
        apply(select.value);
        try {
          if (select.value === 'auto') localStorage.removeItem(key);
          else localStorage.setItem(key, select.value);
        } catch {}
      }),
    );
  });
  // Another tab changed it, or the page came back from the back-forward cache.
  addEventListener('storage', (event) => event.key === key && apply(stored()));
  addEventListener('pageshow', () => apply(stored()));
})();`;
