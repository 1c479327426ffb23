import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

// Three suites: unit and component tests run in parallel; build and browser
// tests each run whole Astro builds or a browser, so they run one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/cli/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      // Astro components rendered with the container API, through Astro's own Vite setup
      // (without astro.config.mjs: its integrations validate and copy content, which components do not need).
      getViteConfig({ test: { name: 'component', include: ['tests/component/**/*.test.ts'], testTimeout: 30_000 } }, { configFile: false, logLevel: 'silent' }),
      {
        test: {
          name: 'build',
          // Deploy tests build a site too: in this project, so no two Astro builds share the project's .astro/ at once.
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts', 'tests/deploy/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
