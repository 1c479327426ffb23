/**
 * The dev server that tells the truth. Saving any file of the content root
 * reads it again with the validator's reader (every rule re-run), refreshes
 * the collections, and reloads the browser. The terminal prints the
 * validator's messages; while there are errors, the browser shows Astro's
 * error overlay with the same messages and every page is replaced by a list
 * of the problems, so an editor never looks at a stale or broken page.
 * Fixing the file recovers without a restart.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';
import { isInside } from '../lib/reading/paths.ts';
import { resolveContentRoot } from '../lib/reading/resolve-content-root.ts';
import { formatSummary, formatText } from '../lib/diagnostics/format.ts';
import { problemsPage } from '../lib/diagnostics/problems-page.ts';
import { readCacheFile } from '../lib/reading/read-cache.ts';
import { readPlaybook, type ValidationReport } from '../lib/validator/validate-content-root.ts';
import { startRead } from '../loaders/playbook-read.ts';

/** Saves come in bursts (an editor writing several files, a git checkout): wait this long for quiet. */
const SETTLE_MS = 150;

export function playbookDev(): AstroIntegration {
  let root = '';
  let cacheFile: string | undefined;
  let report: ValidationReport | undefined;
  let server: ViteDevServer | undefined;
  let logger: AstroIntegrationLogger | undefined;

  const read = () => {
    const reading = startRead(root, () => readPlaybook(root, { cwd: process.cwd(), cacheFile }));
    void reading.then(({ report: next }) => {
      report = next;
      announce(next);
    });
    return reading;
  };

  const announce = (next: ValidationReport) => {
    const printed = formatText(next.diagnostics);
    const summary = formatSummary(next.errorCount, next.warningCount, next.entryCount);
    if (printed) process.stderr.write(`${printed}\n`);
    if (next.errorCount > 0) {
      logger?.error(`${summary}: the pages show the problems until they are fixed.`);
      const first = next.diagnostics.find((d) => d.severity === 'error')!;
      server?.ws.send({
        type: 'error',
        err: {
          message: `${summary}\n\n${formatText(next.diagnostics.filter((d) => d.severity === 'error'))}`,
          stack: '',
          plugin: 'latitude',
          id: path.resolve(first.file),
          loc: { file: path.resolve(first.file), line: first.line, column: first.column },
        },
      });
    } else {
      logger?.info(summary);
    }
  };

  return {
    name: 'latitude:dev',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'dev') return;
        root = resolveContentRoot();
        cacheFile = readCacheFile(fileURLToPath(config.cacheDir));
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
            await refreshContent?.({});
            devServer.ws.send({ type: 'full-reload' });
          }, SETTLE_MS);
        };
        devServer.watcher.add(root);
        for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
          devServer.watcher.on(event, (file: string) => {
            if (isInside(root, file)) refresh();
          });
        }
        // While the content has errors, every page is the list of problems (assets still load).
        devServer.middlewares.use((request, response, next) => {
          const accepts = request.headers.accept ?? '';
          if (!report || report.errorCount === 0 || request.method !== 'GET' || !accepts.includes('text/html')) return next();
          response.statusCode = 500;
          response.setHeader('content-type', 'text/html; charset=utf-8');
          response.end(problemsPage(report.diagnostics, report.entryCount));
        });
      },
    },
  };
}
