// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { playbookLogo } from './src/integrations/playbook-logo.ts';
import { playbookValidation } from './src/integrations/playbook-validation.ts';

const base = process.env.PLAYBOOK_BASE || undefined;
const site = process.env.PLAYBOOK_SITE || undefined;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Build tests build fixture playbooks side by side; each gets its own output and cache.
  outDir: process.env.PLAYBOOK_OUT_DIR || './dist',
  cacheDir: process.env.PLAYBOOK_CACHE_DIR || './node_modules/.astro',
  integrations: [playbookValidation(), playbookLogo(), mdx()],
  build: { format: 'directory' },
});
