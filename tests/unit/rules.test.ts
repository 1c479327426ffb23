import { describe, expect, it } from 'vitest';
import { checkCaseStudies } from '../../src/lib/rules/case-studies.ts';
import { checkChangeHistory } from '../../src/lib/rules/change-history.ts';
import { checkEntryIds, kebabCase } from '../../src/lib/rules/entry-ids.ts';
import { checkEscalation } from '../../src/lib/rules/escalation.ts';
import { checkMoney } from '../../src/lib/rules/money.ts';
import { checkPlaceholders } from '../../src/lib/rules/placeholders.ts';
import { checkReferences } from '../../src/lib/rules/references.ts';
import { checkReview } from '../../src/lib/rules/review.ts';
import { checkWins } from '../../src/lib/rules/wins.ts';
import { boundary, checkedContent, LADDER } from '../support/checked-content.ts';

const win = (extra: Record<string, unknown> = {}) => ({ title: 'W', date: '2026-03-01', people: ['Ana'], values: ['care'], ...extra });
const lines = (findings: { severity: string; rule: string; file: string; message: string; hint?: string }[]) =>
  findings.map((f) => `${f.file} ${f.severity} ${f.rule}: ${f.message}${f.hint ? ` | ${f.hint}` : ''}`);

describe('references', () => {
  it('names a missing target and suggests a near miss', () => {
    const content = checkedContent({ roles: { ...LADDER }, boundaries: { refunds: boundary([{ role: 'agnet', authority: 'decide' }]) } });
    expect(lines(checkReferences(content))).toEqual([
      'boundaries/refunds.md error reference: grants[0].role: there is no role "agnet" | did you mean "agent"? The roles are listed in roles/ (one file per role) and at /roles/ on the site',
    ]);
  });

  it('names up to three close ids, nearest first', () => {
    const roles = {
      'store-lead': { title: 'A' },
      'store-leaf': { title: 'B' },
      'stores-lead': { title: 'C' },
      'store-leads': { title: 'D' },
      'shift-lead': { title: 'E' },
    };
    const content = checkedContent({ roles, boundaries: { refunds: boundary([{ role: 'store-lea', authority: 'decide' }]) } });
    expect(lines(checkReferences(content))).toEqual([
      'boundaries/refunds.md error reference: grants[0].role: there is no role "store-lea" | did you mean "store-lead", "store-leaf" or "store-leads"? The roles are listed in roles/ (one file per role) and at /roles/ on the site',
    ]);
  });

  it('explains where ids come from when nothing is close', () => {
    const content = checkedContent({ values: { care: { title: 'Care', summary: 'S' } }, wins: { w: win({ values: ['generosity'] }) } });
    expect(lines(checkReferences(content))).toEqual([
      'wins/w.md error reference: values[0]: there is no value "generosity" | use the id of an entry in values/ (its file name, without extension); the values are listed in values/ (one file per value) and at /values/ on the site',
    ]);
  });

  it('refuses a published entry that points at a draft, but lets drafts point at drafts', () => {
    const content = checkedContent({
      values: { care: { title: 'Care', summary: 'S', status: 'draft' } },
      wins: { published: win(), draft: win({ status: 'draft' }) },
    });
    expect(lines(checkReferences(content))).toEqual([
      'wins/published.md error draft-reference: values[0]: the value "care" is a draft, so this published entry would link to a page that does not exist | publish care first, or remove the reference until it is published',
    ]);
  });

  it('checks BoundaryRef ids found in bodies at their position', () => {
    const content = checkedContent({ values: { care: { title: 'Care', summary: 'S' } } });
    content.entries.values[0]!.bodyReferences = [{ id: 'refnds', position: { line: 9, column: 3 } }];
    const [finding] = checkReferences(content);
    expect(finding).toMatchObject({ position: { line: 9, column: 3 }, message: 'BoundaryRef id: there is no boundary "refnds"' });
  });
});

describe('escalation', () => {
  it('prints a cycle once, from its first role', () => {
    const content = checkedContent({ roles: { agent: { title: 'A', escalatesTo: 'lead' }, lead: { title: 'L', escalatesTo: 'agent' } } });
    expect(lines(checkEscalation(content))).toEqual([
      'roles/agent.yaml error escalation-cycle: escalatesTo: the escalation ladder goes round in a circle: agent → lead → agent | the role at the top of a ladder must not have escalatesTo; remove it from one of these roles',
    ]);
  });

  it('refuses an escalate grant with nowhere to go', () => {
    const content = checkedContent({ roles: { ...LADDER }, boundaries: { b: boundary([{ role: 'director', authority: 'escalate' }]) } });
    expect(lines(checkEscalation(content))).toEqual([
      'boundaries/b.md error escalate-nowhere: grants[0].authority: director must escalate, but has nobody to escalate to | add "escalateTo: <role id>" to this grant, or "escalatesTo" to roles/director.yaml',
    ]);
  });

  it("warns that an escalate grant's limit is never used", () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'escalate', limit: { amount: 5 } },
          { role: 'director', authority: 'decide' },
        ]),
      },
    });
    expect(lines(checkEscalation(content))).toEqual([
      'boundaries/b.md warning unused-limit: grants[0].limit: agent escalates every decision here, so this limit is never used | remove the limit, or change authority to decide, decide-and-inform or consult',
    ]);
  });

  it('refuses a role granted twice', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'decide' },
          { role: 'agent', authority: 'consult' },
        ]),
      },
    });
    expect(lines(checkEscalation(content))).toEqual([
      'boundaries/b.md error duplicate-grant: grants[1].role: "agent" already has a grant on this boundary (grants[0]) | keep one grant per role; merge the two into one',
    ]);
  });

  it('refuses a ladder that narrows, skipping roles without a grant', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 100 } },
          { role: 'manager', authority: 'decide', limit: { amount: 50 } },
          { role: 'director', authority: 'decide' },
        ]),
      },
    });
    expect(lines(checkEscalation(content))).toEqual([
      "boundaries/b.md error ladder-narrows: grants[0].limit: the ladder narrows: agent may commit £100, but manager above it only £50 | lower this limit to £50 or less, or raise manager's limit (grants[1])",
    ]);
  });

  it('refuses an unlimited grant below a limited one, and allows the reverse', () => {
    const narrowing = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'lead', authority: 'decide' },
          { role: 'manager', authority: 'decide', limit: { amount: 500 } },
          { role: 'director', authority: 'decide' },
        ]),
      },
    });
    expect(lines(checkEscalation(narrowing))).toEqual([
      'boundaries/b.md error ladder-narrows: grants[0]: the ladder narrows: lead has no limit here, but escalates to manager, who is limited to £500 per case | give lead a limit no higher than £500, or remove the limit of manager (grants[1])',
    ]);
    const widening = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'lead', authority: 'decide', limit: { amount: 500 } },
          { role: 'manager', authority: 'decide' },
        ]),
      },
    });
    expect(checkEscalation(widening)).toEqual([]);
  });

  it('compares only limits in the same currency and per', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        currency: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 100, currency: 'EUR' } },
          { role: 'lead', authority: 'decide', limit: { amount: 50 } },
          { role: 'director', authority: 'decide' },
        ]),
        per: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 100 }, per: 'case' },
          { role: 'lead', authority: 'decide', limit: { amount: 50 }, per: 'customer-day' },
          { role: 'director', authority: 'decide' },
        ]),
      },
    });
    expect(checkEscalation(content)).toEqual([]);
  });

  it('warns where authority stops below the top of the ladder, at the topmost grant of each path', () => {
    const content = checkedContent({
      roles: { ...LADDER, agent2: { title: 'Agent 2', escalatesTo: 'manager' } },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 50 } },
          { role: 'lead', authority: 'decide', limit: { amount: 150 } },
          { role: 'agent2', authority: 'escalate' },
        ]),
      },
    });
    expect(lines(checkEscalation(content))).toEqual([
      "boundaries/b.md warning ladder-gap: grants[1]: authority stops at lead: no role above it (manager, director) holds this decision, so anything over £150 per case has nobody to approve it | give manager a grant on this boundary, or let this grant escalateTo a role that holds it; readers who go beyond it are told to ask the boundary's owner",
      "boundaries/b.md warning ladder-gap: grants[2]: authority stops at agent2: no role above it (manager, director) holds this decision, so this decision has nobody to approve it | give manager a grant on this boundary, or let this grant escalateTo a role that holds it; readers who go beyond it are told to ask the boundary's owner",
    ]);
  });

  it('sees no gap at the top of a ladder, above an unlimited grant, or where a role higher up holds the decision', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        top: boundary([{ role: 'director', authority: 'decide', limit: { amount: 900 } }]),
        unlimited: boundary([{ role: 'lead', authority: 'decide' }]),
        held: boundary([
          { role: 'agent', authority: 'escalate' },
          { role: 'manager', authority: 'consult', limit: { amount: 500 } },
          { role: 'director', authority: 'decide' },
        ]),
      },
    });
    expect(lines(checkEscalation(content))).toEqual([]);
  });

  it('passes over retired roles: their grants hold nothing and are a warning each; a role that escalates to one is an error at that line', () => {
    const content = checkedContent({
      roles: { ...LADDER, lead: { title: 'Lead', escalatesTo: 'manager', status: 'retired' } },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 50 } },
          { role: 'lead', authority: 'decide', limit: { amount: 20 } },
          { role: 'manager', authority: 'decide', limit: { amount: 40 } },
          { role: 'director', authority: 'decide' },
        ]),
      },
    });
    expect(lines(checkEscalation(content))).toEqual([
      'roles/agent.yaml error escalate-to-retired: escalatesTo: the role "lead" is retired, so nobody would take the decisions agent passes up | escalate to the role that took over from lead instead',
      "boundaries/b.md error ladder-narrows: grants[0].limit: the ladder narrows: agent may commit £50, but manager above it only £40 | lower this limit to £40 or less, or raise manager's limit (grants[2])",
      'boundaries/b.md warning retired-role-grant: grants[1].role: the role "lead" is retired, so nobody holds this grant any more | give the grant to the role that took over from lead, or remove it',
    ]);
  });

  it('follows a grant escalateTo override past an escalate-only role', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        b: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 100 }, escalateTo: 'manager' },
          { role: 'lead', authority: 'decide', limit: { amount: 10 } },
          { role: 'manager', authority: 'escalate' },
          { role: 'director', authority: 'decide', limit: { amount: 90 } },
        ]),
      },
    });
    // agent's £100 goes to manager (escalate only) and on to director's £90: narrows.
    // lead's £10 goes to manager and on to director: fine.
    expect(lines(checkEscalation(content))).toEqual([
      "boundaries/b.md error ladder-narrows: grants[0].limit: the ladder narrows: agent may commit £100, but director above it only £90 | lower this limit to £90 or less, or raise director's limit (grants[3])",
    ]);
  });
});

describe('change history, with --changed', () => {
  const grants = (amount: number) => [
    { role: 'agent', authority: 'decide', limit: { amount } },
    { role: 'director', authority: 'decide' },
  ];
  const changes = [{ date: '2026-03-01', summary: 'First version.' }];
  const base = checkedContent({ roles: { ...LADDER }, boundaries: { b: boundary(grants(50), { changes }) } });
  const withBase = (extra: Record<string, unknown>, amount: number) => {
    const content = checkedContent({ roles: { ...LADDER }, boundaries: { b: boundary(grants(amount), extra) } });
    content.base = { boundaries: new Map(base.entries.boundaries.map((entry) => [entry.id, entry.data])) };
    return content;
  };

  it('refuses a limit changed with no new line in changes, at the changed grant', () => {
    expect(lines(checkChangeHistory(withBase({ changes }, 75)))).toEqual([
      'boundaries/b.md error needs-change-line: grants[0]: the limit or authority of agent changed, but changes has no new line, so /changes/ and its feed would not show it | add a line at the top of changes, such as "- date: 2026-11-23" with "summary:" saying what changed and why',
    ]);
  });

  it('passes a change with its line, a change of words only, and anything without --changed', () => {
    expect(checkChangeHistory(withBase({ changes: [{ date: '2026-11-01', summary: 'Agent limit raised to £75.' }, ...changes] }, 75))).toEqual([]);
    expect(checkChangeHistory(withBase({ changes, summary: 'Reworded.' }, 50))).toEqual([]);
    expect(checkChangeHistory(checkedContent({ roles: { ...LADDER }, boundaries: { b: boundary(grants(75), { changes }) } }))).toEqual([]);
  });
});

describe('money', () => {
  it('refuses a code that is not ISO 4217, with a near miss', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: { b: boundary([{ role: 'agent', authority: 'decide', limit: { amount: 5, currency: 'GPB' } }]) },
    });
    expect(lines(checkMoney(content))).toEqual([
      'boundaries/b.md error currency: grants[0].limit.currency: "GPB" is not an ISO 4217 currency code | did you mean "GBP"?',
    ]);
  });

  it('checks the playbook default currency against ISO 4217 too', () => {
    const content = checkedContent({}, { name: 'T', currency: 'ABC' });
    expect(lines(checkMoney(content))).toEqual([
      'playbook.yaml error currency: currency: "ABC" is not an ISO 4217 currency code | use the three-letter code of the currency, such as GBP, EUR, USD or CAD',
    ]);
  });

  it('needs a currency when the playbook sets no default', () => {
    const content = checkedContent({ wins: { w: win({ spent: { amount: 20 } }) } }, { name: 'No default' });
    expect(lines(checkMoney(content))).toEqual([
      'wins/w.md error currency: spent: the amount has no currency, and playbook.yaml sets no default currency | add "currency: GBP" (or your currency) here, or a default "currency:" to playbook.yaml',
    ]);
  });

  it('warns when a win spent more than the role may', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: { refunds: boundary([{ role: 'agent', authority: 'decide', limit: { amount: 75 } }]) },
      wins: { w: win({ role: 'agent', boundary: 'refunds', spent: { amount: 120 } }), ok: win({ role: 'agent', boundary: 'refunds', spent: { amount: 75 } }) },
    });
    expect(lines(checkMoney(content))).toEqual([
      "wins/w.md warning spend-over-limit: spent: £120 is more than the £75 a agent may commit on refunds | say in the story who approved the extra, or ask the boundary's owner whether the limit is too tight",
    ]);
  });
});

describe('wins', () => {
  it('needs consent to name or quote a customer', () => {
    const content = checkedContent({
      wins: {
        named: win({ customer: { name: 'Mrs Patel' } }),
        quoted: win({ customer: { quote: 'Brilliant', consent: false } }),
        fine: win({ customer: { name: 'Mr Lee', quote: 'Thanks', consent: true } }),
      },
    });
    expect(lines(checkWins(content))).toEqual([
      'wins/named.md error consent: customer.consent: the customer is named, so consent must be true | ask the customer, then add "consent: true" under customer; without consent, remove the name and quote',
      'wins/quoted.md error consent: customer.consent: the customer is quoted, so consent must be true | ask the customer, then add "consent: true" under customer; without consent, remove the name and quote',
    ]);
  });

  it('needs alt text with every image', () => {
    const content = checkedContent({ wins: { w: win({ image: '../assets/a.jpg' }) } });
    expect(lines(checkWins(content))).toEqual([
      'wins/w.md error image-alt: imageAlt: is required with image | add "imageAlt:" describing what the picture shows, for people who cannot see it',
    ]);
  });
});

describe('case studies', () => {
  const study = (extra: Record<string, unknown>, body: string) => ({ title: 'T', summary: 'S', organisation: 'Southwest Airlines', body, ...extra });
  const full = '## Background\n\n## Strategy\n\n## Outcome\n\n## Lessons\n';
  it('external ones cite sources; internal ones need not', () => {
    const content = checkedContent({ caseStudies: { ext: study({}, full), own: study({ internal: true }, full) } });
    expect(lines(checkCaseStudies(content))).toEqual([
      'case-studies/ext.md error sources: sources: a case study about another organisation (Southwest Airlines) must cite its sources | add "sources:" with a "- title: … url: …" for each article, or "internal: true" if this is one of our own teams',
    ]);
  });
  it('warns about missing headings', () => {
    const content = checkedContent({ caseStudies: { c: study({ internal: true }, '## Background\n\n## Outcome\n') } });
    expect(lines(checkCaseStudies(content))).toEqual([
      'case-studies/c.md warning case-study-headings: the case study has no "## Strategy", "## Lessons" sections | tell the story under ## Background, ## Strategy, ## Outcome, ## Lessons',
    ]);
  });
});

describe('review', () => {
  it('warns about published entries past their date, using per-entry cadence', () => {
    const content = checkedContent({
      roles: { ...LADDER },
      boundaries: {
        old: boundary([{ role: 'agent', authority: 'decide' }], { lastReviewed: '2025-06-01' }),
        fresh: boundary([{ role: 'agent', authority: 'decide' }], { lastReviewed: '2026-06-01' }),
        quick: boundary([{ role: 'agent', authority: 'decide' }], { lastReviewed: '2026-06-01', reviewEveryDays: 90 }),
        retired: boundary([{ role: 'agent', authority: 'decide' }], { lastReviewed: '2020-01-01', status: 'retired' }),
      },
    });
    expect(lines(checkReview(content))).toEqual([
      'boundaries/old.md warning due-for-review: lastReviewed: due for review since 2026-06-01 (last reviewed 2025-06-01, every 365 days) | review it with its owner (Retail ops), then set lastReviewed to the date of the review',
      'boundaries/quick.md warning due-for-review: lastReviewed: due for review since 2026-08-30 (last reviewed 2026-06-01, every 90 days) | review it with its owner (Retail ops), then set lastReviewed to the date of the review',
    ]);
  });
});

describe('ids', () => {
  it('names both files of a duplicate id and refuses non-kebab file names', () => {
    const content = checkedContent({});
    content.sources.wins.push(
      { collection: 'wins', id: 'same', file: 'wins/2025/same.md', absolutePath: '' },
      { collection: 'wins', id: 'same', file: 'wins/2026/same.md', absolutePath: '' },
      { collection: 'wins', id: 'Big_Win', file: 'wins/Big_Win.md', absolutePath: '' },
    );
    expect(lines(checkEntryIds(content))).toEqual([
      'wins/Big_Win.md error id-format: the file name "Big_Win" is not a valid id: ids are lower-case words joined by hyphens | rename the file to big-win.md',
      'wins/2025/same.md error duplicate-id: the id "same" is also used by wins/2026/same.md | ids are file names, even in sub-folders: rename one of the files',
      'wins/2026/same.md error duplicate-id: the id "same" is also used by wins/2025/same.md | ids are file names, even in sub-folders: rename one of the files',
    ]);
  });
  it('kebab-cases names', () => {
    expect(kebabCase('Café Refund Policy')).toBe('cafe-refund-policy');
    expect(kebabCase('storeManager')).toBe('store-manager');
  });
});

describe('placeholders', () => {
  it('a placeholder left in a field or the body is an error, and a warning in a draft', () => {
    const content = checkedContent({
      values: {
        care: { title: 'Care', summary: 'TODO: one sentence', body: 'Intro\n\nTODO: the story.\n\n    TODO: in a code block' },
        kind: { title: 'Kind', summary: 'S', behaviors: ['TODO: what it looks like'], status: 'draft' },
      },
    });
    expect(lines(checkPlaceholders(content))).toEqual([
      'values/care.md error placeholder: summary: still holds the placeholder "TODO: one sentence" | replace it with your own words, or delete the line where the field is optional (npm run new wrote it as a reminder)',
      'values/care.md error placeholder: the text still holds the placeholder "TODO: the story." | replace it with your own words, or delete the line where the field is optional (npm run new wrote it as a reminder)',
      'values/kind.md warning placeholder: behaviors[0]: still holds the placeholder "TODO: what it looks like" | replace it with your own words, or delete the line where the field is optional (npm run new wrote it as a reminder)',
    ]);
    expect(checkPlaceholders(content)[1]).toMatchObject({ position: { line: 7, column: 1 } });
  });
});
