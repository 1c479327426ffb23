/**
 * The site's Content Security Policy: one constant text, written by the
 * base layout as a `<meta http-equiv="content-security-policy">` in every
 * built page's `<head>`, before any style or script.
 *
 * **A policy with no hash** (issue 20, lighter pages). The site carries no
 * inline code at all: its page script — the light/dark choice, the search
 * shortcut, the search box's loader and the offline worker's registration —
 * is one file (`_latitude/page.js`, src/layouts/page-script.ts); every
 * `<script>` a component writes is bundled to a file, never inlined
 * (`vite.build.assetsInlineLimit: 0` in astro.config.mjs); stylesheets are
 * files (`build.inlineStylesheets: 'never'`). So 'self' is all a page
 * needs, and the policy need not change with the code. Astro's own
 * `security.csp` hashed its client directives and island runtime (which the
 * site does not use) into every page: ten hashes, 0.6 kB a page, 12 MB of a
 * 20,000-entry site. `tests/build/hostile.test.ts` holds every page of a
 * fixture to no inline script; `tests/browser/csp.test.ts` visits every kind
 * of page under the policy in Chromium and proves it blocks injected code.
 *
 * What a <meta> policy cannot say (frame-ancestors, reporting) is sent as
 * an HTTP header by the server in front of the site: docs/deploy.md.
 *
 * - scripts: the site's own files only; `'wasm-unsafe-eval'` lets Pagefind
 *   compile its WebAssembly (no JS eval), and no inline script runs.
 * - styles: the site's own files; style *attributes* are allowed because
 *   the escalation ladder sets CSS custom properties in them (there is no
 *   code highlighting: astro.config.mjs turns Shiki off, so no inline token
 *   colours either). Content cannot write style attributes (the body check
 *   refuses them), and an attribute cannot run script. The search box adds
 *   its styles as a constructed style sheet, which the policy does not govern.
 * - connect/worker: Pagefind fetches its index from the site itself.
 * - no plugins, no frames, no <base> rewriting, forms post to the site only.
 *
 * The dev server writes no policy (as Astro's own did not): Vite's live
 * reloading injects styles and scripts a static policy would block.
 */

/** Each directive of the policy, in the order the page states them. */
export const POLICY_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
] as const;

/** The `content` of every built page's policy `<meta>`. */
export const CONTENT_SECURITY_POLICY = POLICY_DIRECTIVES.join('; ');
