// The floor: Astro as it comes, with the renderer Latitude uses (Sätteri, GFM) and MDX.
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.FLOOR_OUT_DIR || './dist',
  cacheDir: process.env.FLOOR_CACHE_DIR || './node_modules/.astro',
  integrations: [mdx()],
  markdown: { processor: satteri(), syntaxHighlight: false },
  build: { format: 'directory' },
});
