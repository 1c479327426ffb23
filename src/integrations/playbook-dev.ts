/**
 * The dev server that tells the truth. Saving any file of the content root
 * reads it again with the validator's reader (every rule re-run), refreshes
 * the collections, and reloads the browser. The terminal prints the
 * validator's messages, the files saved in this session (and those git has
 * uncommitted) first, errors before warnings, older warnings in one line.
 *
 * While there are errors, the browser shows Astro's error overlay with the
 * same messages and every page is replaced by a list of the problems, so an
 * editor never looks at a stale or broken page. Fixing the file recovers
 * without a restart. One kind of error is left to the page itself: an entry
 * that only still holds placeholders of `npm run new` reads whole, so its
 * page shows it with a notice of what is left to write (EntryLayout), and
 * every other page stays readable.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import type { Diagnostic } from '../lib/diagnostics/diagnostic.ts';
import { pathInside } from '../lib/reading/paths.ts';
import { formatSummary, formatText } from '../lib/diagnostics/format.ts';
import { MESSAGES } from '../lib/diagnostics/catalogue.ts';
import { problemsPage } from '../lib/diagnostics/problems-page.ts';
import { formatNotFullyChecked, formatOlderWarnings, presentReport, type PresentedReport } from '../lib/diagnostics/report-order.ts';
import { uncommittedFiles } from '../lib/reading/git-content.ts';
import { readCacheFile } from '../lib/reading/read-cache.ts';
import { readPlaybook, type ValidationReport } from '../lib/validator/validate-content-root.ts';
import { contentRoot as pinnedContentRoot, rememberReport, startRead } from '../loaders/playbook-read.ts';

/** Saves come in bursts (an editor writing several files, a git checkout): wait this long for quiet. */
const SETTLE_MS = 150;

/** How the dev server's lists point at the older warnings they fold. */
const OLDER_WARNINGS_SHOWN = 'npm run validate -- --all lists them';

/** Errors that stop every page: all but the placeholders of an unfinished entry, which its own page shows. */
export function blockingErrors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error' && d.rule !== MESSAGES.placeholder.id);
}

/**
 * Keeps Vite's own hot update off the content root's files. A content file
 * the server compiled (a trusted .mdx body) is a module of Vite's graph, and
 * Vite would reload the browser the moment it is saved, before the new
 * reading is stored: the page would show the old entry, or "Page not found"
 * for a new one. The integration reloads once the store holds the new
 * reading instead.
 */
export function contentReloadsAfterStore(contentRoot: () => string): Plugin {
  return {
    name: 'latitude:content-reloads-after-store',
    enforce: 'pre',
    hotUpdate({ file }) {
      return pathInside(contentRoot(), file) === undefined ? undefined : [];
    },
  };
}

/** `contentRoot`: the content root astro.config.mjs resolved once for the whole build. */
export function playbookDev(contentRoot: string = pinnedContentRoot()): AstroIntegration {
  const root = contentRoot;
  let cacheFile: string | undefined;
  let report: ValidationReport | undefined;
  let presented: PresentedReport | undefined;
  let server: ViteDevServer | undefined;
  let logger: AstroIntegrationLogger | undefined;
  /** Files of the content root saved while the server runs: the editor's change, shown first. */
  const saved = new Set<string>();
  let uncommitted: Promise<string[] | undefined> = Promise.resolve(undefined);

  const read = () => {
    const reading = startRead(root, () => readPlaybook(root, { cacheFile }));
    void Promise.all([reading, uncommitted]).then(([{ report: next }, changing]) => {
      report = next;
      presented = presentReport(next.diagnostics, { fileOf: (d) => d.file, focus: [...(changing ?? []), ...saved] });
      rememberReport(root, next);
      announce(next, presented);
    });
    return reading;
  };

  const announce = (next: ValidationReport, { listed, older }: PresentedReport) => {
    const printed = formatText(listed);
    const summary = formatSummary(next.errorCount, next.warningCount, next.entryCount);
    if (printed) process.stderr.write(`${printed}\n`);
    const blocking = blockingErrors(listed);
    if (older.length > 0) logger?.info(formatOlderWarnings(older, OLDER_WARNINGS_SHOWN));
    if (blocking.length > 0) {
      logger?.error(`${summary}: the pages show the problems until they are fixed.`);
      const at = blocking[0]!;
      server?.ws.send({
        type: 'error',
        err: {
          message: `${summary}\n\n${formatText(blocking)}`,
          stack: '',
          plugin: 'latitude',
          id: path.join(root, at.file),
          loc: { file: path.join(root, at.file), line: at.line, column: at.column },
        },
      });
    } else if (next.errorCount > 0) {
      logger?.warn(`${summary}: each unfinished entry's page says what is left to write; the rest of the playbook is shown as usual.`);
    } else {
      logger?.info(summary);
    }
    if (next.notFullyChecked.length > 0) logger?.warn(formatNotFullyChecked(next.notFullyChecked.length));
  };

  return {
    name: 'latitude:dev',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'dev') return;
        updateConfig({ vite: { plugins: [contentReloadsAfterStore(() => root)] } });
        cacheFile = readCacheFile(fileURLToPath(config.cacheDir));
        uncommitted = uncommittedFiles(root);
        // Read before the collections load: the loaders store this reading.
        void read();
      },
      'astro:server:setup': ({ server: devServer, logger: devLogger, refreshContent }) => {
        server = devServer;
        logger = devLogger;
        let timer: NodeJS.Timeout | undefined;
        const refresh = () => {
          clearTimeout(timer);
          timer = setTimeout(async () => {
            await read();
            // Resolves once every loader has stored the new reading and the data store is written: only then is the page worth reloading.
            await refreshContent?.({});
            devServer.ws.send({ type: 'full-reload' });
          }, SETTLE_MS);
        };
        devServer.watcher.add(root);
        for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
          devServer.watcher.on(event, (file: string) => {
            const inside = pathInside(root, file);
            if (inside === undefined) return;
            saved.add(inside);
            refresh();
          });
        }
        // While the content has errors, every page is the list of problems (assets still load).
        devServer.middlewares.use((request, response, next) => {
          const accepts = request.headers.accept ?? '';
          if (!report || !presented || blockingErrors(report.diagnostics).length === 0 || request.method !== 'GET' || !accepts.includes('text/html'))
            return next();
          response.statusCode = 500;
          response.setHeader('content-type', 'text/html; charset=utf-8');
          response.end(problemsPage(presented, report, 'open this line to list them'));
        });
      },
    },
  };
}
