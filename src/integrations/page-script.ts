/**
 * Writes the script every page loads (src/layouts/page-script.ts) at its
 * fixed address, `<base>_latitude/page.js`, as a file of the browser build
 * (so it is in the build folder before the offline integration lists what
 * to precache). Builds only: the dev server inlines the same texts.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { PAGE_SCRIPT, PAGE_SCRIPT_FILE } from '../layouts/page-script.ts';

export function playbookPageScript(): AstroIntegration {
  return {
    name: 'latitude:page-script',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({ vite: { plugins: [pageScriptFile()] } });
      },
    },
  };
}

function pageScriptFile(): Plugin {
  return {
    name: 'latitude:page-script-file',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: PAGE_SCRIPT_FILE, source: PAGE_SCRIPT });
    },
  };
}
