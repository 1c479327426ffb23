import { describe, expect, it } from 'vitest';
import { problemsPage } from '../../src/lib/diagnostics/problems-page.ts';

describe("the dev server's problems page", () => {
  it('lists every problem with its place, message and hint, escaped', () => {
    const html = problemsPage(
      [
        {
          file: 'values/be-kind.md',
          line: 3,
          column: 1,
          severity: 'error',
          rule: 'html',
          field: '',
          message: '<script> is not allowed in content',
          hint: 'remove the tag',
        },
        {
          file: 'guidelines/tone.md',
          line: 5,
          column: 15,
          severity: 'warning',
          rule: 'due-for-review',
          field: 'lastReviewed',
          message: 'lastReviewed: due for review',
        },
      ],
      12,
    );
    expect(html).toContain('<p>1 error, 1 warning in 12 entries. Fix them and save: this page reloads by itself.</p>');
    expect(html).toContain(
      '<li class="error"><p><code>values/be-kind.md:3:1</code> error &#x3C;script> is not allowed in content (html)</p><p class="hint">hint: remove the tag</p></li>',
    );
    expect(html).toContain('<li class="warning"><p><code>guidelines/tone.md:5:15</code> warning lastReviewed: due for review (due-for-review)</p></li>');
    expect(html).toContain('<meta http-equiv="refresh" content="2">');
    expect(html).not.toContain('<script');
  });
});
