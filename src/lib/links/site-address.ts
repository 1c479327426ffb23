/**
 * PLAYBOOK_SITE, the address the playbook is served at, checked before a
 * production build. Without it a phone cannot open a pocket card's QR code
 * (so the card leaves it out), printouts show paths without the address, and
 * the feeds fall back to a placeholder address. Nothing stops the build: a
 * playbook can be tried without one. But it is said, once, in one line.
 */

/** The one line a production build prints when PLAYBOOK_SITE is not set, or undefined when it is. */
export function missingSiteWarning(site: string | URL | undefined): string | undefined {
  if (site !== undefined && String(site) !== '') return undefined;
  return (
    'warning: PLAYBOOK_SITE is not set, so the pocket cards have no QR code and the feeds and printouts cannot give the full address of a page; ' +
    'set it to the address the playbook is served at, such as https://playbook.example.org (see "Set up" in the README)'
  );
}
