/**
 * Debian's Chromium driven by playwright-core (a test tool's own browser
 * download cannot work here). Headless, sandbox off (CI runs as root), and no
 * background networking: the machine has no network beyond the registries.
 */
import { chromium, type Browser } from 'playwright-core';
import { requireProgram } from './prerequisites.ts';

/** Debian's Chromium, found where the pretest step looks (tests/support/prerequisites.ts). */
export function chromiumPath(): string {
  return requireProgram('chromium');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
