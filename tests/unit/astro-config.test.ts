/** What astro.config.mjs promises beyond Astro's own options. */
import { describe, expect, it } from 'vitest';

describe('astro.config.mjs', () => {
  it('turns off the dev server\'s "run npx @astrojs/upgrade" advice: editors run it, not developers', async () => {
    delete process.env.ASTRO_DISABLE_UPDATE_CHECK;
    await import('../../astro.config.mjs');
    expect(process.env.ASTRO_DISABLE_UPDATE_CHECK).toBe('true');
  });
});
