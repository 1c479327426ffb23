import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/diagnostics/diagnostic.ts';
import { problemsPage } from '../../src/lib/diagnostics/problems-page.ts';

const error: Diagnostic = {
  file: 'values/be-kind.md',
  line: 3,
  column: 1,
  severity: 'error',
  rule: 'html',
  field: '',
  message: '<script> is not allowed in content',
  hint: 'remove the tag',
};
const warning: Diagnostic = {
  file: 'guidelines/tone.md',
  line: 5,
  column: 15,
  severity: 'warning',
  rule: 'due-for-review',
  field: 'lastReviewed',
  message: 'lastReviewed: due for review',
};
const counts = { errorCount: 1, warningCount: 1, entryCount: 12, notFullyChecked: [] };

describe("the dev server's problems page", () => {
  it('lists every problem with its place, message and hint, escaped', () => {
    const html = problemsPage({ listed: [error, warning], older: [] }, counts, 'open this line to list them');
    expect(html).toContain('<p>1 error, 1 warning in 12 entries. Fix them and save: this page reloads by itself.</p>');
    expect(html).toContain(
      '<li class="error"><p><code>values/be-kind.md:3:1</code> error &#x3C;script> is not allowed in content (html)</p><p class="hint">hint: remove the tag</p></li>',
    );
    expect(html).toContain('<li class="warning"><p><code>guidelines/tone.md:5:15</code> warning lastReviewed: due for review (due-for-review)</p></li>');
    expect(html).toContain('<meta http-equiv="refresh" content="2">');
    expect(html).not.toContain('<script');
  });

  it('folds older warnings into one line that opens, and ends by saying when files could not be fully checked', () => {
    const html = problemsPage({ listed: [error], older: [warning] }, { ...counts, notFullyChecked: ['values/be-kind.md'] }, 'open this line to list them');
    expect(html).toContain(
      '<details><summary>1 older warning: due-for-review in guidelines/tone.md (open this line to list them)</summary><ul role="list"><li class="warning">',
    );
    expect(html).toMatch(/<\/details><p>1 file could not be fully checked; run again after fixing it\.<\/p><\/main>/);
  });
});
