/**
 * The site's Content Security Policy, given to Astro's `security.csp`.
 *
 * Why Astro's CSP rather than a hand-written <meta> in the base layout:
 * Astro inlines small bundled scripts and styles, and their text changes
 * with every code change. `security.csp` hashes each of them at build time
 * and writes a `<meta http-equiv="content-security-policy">` as the first
 * thing in every page's <head>, so the policy can forbid every other
 * inline script (`'unsafe-inline'` never appears for scripts). A static
 * <meta> would have to allow inline code, or be re-hashed by hand.
 * The site's own page script — the light/dark choice, the search shortcut
 * and the search box loader — is one file (src/layouts/page-script.ts),
 * allowed by 'self': no page carries it inline, so no hash of it is listed
 * (issue 20: each hash was bytes in every page's policy).
 *
 * What a <meta> policy cannot say (frame-ancestors, reporting) is sent as
 * an HTTP header by the server in front of the site: docs/deploy.md.
 *
 * - scripts: the site's own files and hashed inline code only;
 *   `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly (no JS eval).
 * - styles: the site's own files and hashed <style> elements; style
 *   *attributes* are allowed because the escalation ladder sets CSS custom
 *   properties in them (there is no code highlighting: astro.config.mjs
 *   turns Shiki off, so no inline token colours either).
 *   Content cannot write style attributes (the body check refuses them),
 *   and an attribute cannot run script.
 * - connect/worker: Pagefind fetches its index from the site itself.
 * - no plugins, no frames, no <base> rewriting, forms post to the site only.
 */
import type { AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

export const contentSecurityPolicy = {
  algorithm: 'SHA-256',
  directives: [
    "default-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ],
  scriptDirective: {
    resources: ["'self'", "'wasm-unsafe-eval'"],
  },
  styleDirective: {
    resources: [
      { resource: "'self'", kind: 'element' },
      { resource: "'unsafe-inline'", kind: 'attribute' },
    ],
  },
} satisfies CspConfig;
