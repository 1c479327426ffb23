/**
 * Reads and checks the content root before Astro loads any content, so
 * `astro build` fails on exactly the messages `npm run validate` prints
 * before anything is stored or built. The loaders then store this same
 * reading: each file is read once per build. Also says once when PLAYBOOK_SITE is missing (see site-address.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { missingSiteWarning } from '../lib/links/site-address.ts';
import { formatSummary, formatText } from '../lib/diagnostics/format.ts';
import { closingLines, presentReport } from '../lib/diagnostics/report-order.ts';
import { uncommittedFiles } from '../lib/reading/git-content.ts';
import { claimCacheDir } from '../lib/reading/cache-dir.ts';
import { readCacheFile } from '../lib/reading/read-cache.ts';
import { readPlaybook } from '../lib/validator/validate-content-root.ts';
import { contentRoot as pinnedContentRoot, startRead } from '../loaders/playbook-read.ts';
import { bodiesDir, pinBodiesDir } from '../loaders/body-store.ts';

/** `contentRoot`: the content root astro.config.mjs resolved once for the whole build. */
export function playbookValidation(contentRoot: string = pinnedContentRoot()): AstroIntegration {
  return {
    name: 'latitude:validation',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        // Before Astro reads its data store: a cache folder that holds another root's cache is emptied.
        if (claimCacheDir(fileURLToPath(config.cacheDir), contentRoot)) logger.info("the cache folder held another content root's cache: it was emptied");
        // Where the loaders keep entry bodies and pages read them (src/loaders/body-store.ts).
        pinBodiesDir(bodiesDir(fileURLToPath(config.cacheDir), command));
        if (command !== 'build') return; // the dev server reads (and re-reads) in src/integrations/playbook-dev.ts
        const siteWarning = missingSiteWarning(config.site);
        if (siteWarning) process.stderr.write(`${siteWarning}\n`);

        const started = performance.now();
        const [{ report }, changing] = await Promise.all([
          // A build stores this reading once: the loaders let go of each body as they store it.
          startRead(contentRoot, () => readPlaybook(contentRoot, { cacheFile: readCacheFile(fileURLToPath(config.cacheDir)) }), { singleUse: true }),
          uncommittedFiles(contentRoot),
        ]);
        // The editor's own change first; warnings that were there before it are one line.
        const { listed, older } = presentReport(report.diagnostics, changing && { fileOf: (d) => d.file, focus: changing });
        const printed = formatText(listed);
        const summary = formatSummary(report.errorCount, report.warningCount, report.entryCount);
        const closing = (counts: string[]) => closingLines(counts, older, report.notFullyChecked.length, 'npm run validate -- --all lists them');
        if (printed) process.stderr.write(`${printed}\n`);
        if (report.errorCount > 0) {
          process.stderr.write(`${closing([summary]).join('\n')}\nThe playbook was not built: fix the errors above and build again.\n`);
          // Exit here: a thrown error would bury the messages under a stack trace.
          process.exit(1);
        }
        for (const line of closing([`${summary} (read and checked in ${Math.round(performance.now() - started)} ms)`])) logger.info(line);
      },
    },
  };
}
