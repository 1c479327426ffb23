/**
 * Runs the validator before Astro reads any content, so `astro build` fails
 * on exactly the messages `npm run validate` prints, before any content file
 * is compiled. Also pins the content root for the collections.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolveContentRoot } from '../lib/content-root/resolve-content-root.ts';
import { formatSummary, formatText } from '../lib/diagnostics/format.ts';
import { validateContentRoot } from '../lib/validation/validate-content-root.ts';

export function playbookValidation(): AstroIntegration {
  return {
    name: 'latitude:validation',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        const projectRoot = fileURLToPath(config.root);
        const contentRoot = resolveContentRoot({ projectRoot });
        // One resolution for everyone downstream (content.config.ts reads it).
        process.env.PLAYBOOK_CONTENT_DIR = contentRoot;
        if (command === 'preview') return;

        const report = await validateContentRoot(contentRoot, { cwd: process.cwd() });
        const printed = formatText(report.diagnostics);
        const summary = formatSummary(report.errorCount, report.warningCount, report.entryCount);
        if (printed) process.stderr.write(`${printed}\n`);
        if (report.errorCount > 0 && command === 'build') {
          process.stderr.write(`${summary}\nThe playbook was not built: fix the errors above and build again.\n`);
          // Exit here: a thrown error would bury the messages under a stack trace.
          process.exit(1);
        }
        logger.info(summary);
      },
    },
  };
}
