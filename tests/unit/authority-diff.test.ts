import { describe, expect, it } from 'vitest';
import { authorityDiff } from '../../src/lib/authority-diff/diff.ts';
import { escapeMarkdown, formatDiffMarkdown, formatDiffText } from '../../src/lib/authority-diff/format.ts';
import { boundary, LADDER, modelOf } from '../support/checked-content.ts';

describe('authorityDiff', () => {
  const before = modelOf({
    roles: { ...LADDER },
    boundaries: {
      refunds: boundary([
        { role: 'agent', authority: 'escalate' },
        { role: 'lead', authority: 'decide', limit: { amount: 40 } },
      ]),
    },
  });

  it('finds nothing between a model and itself', () => {
    expect(authorityDiff(before, before)).toEqual({ sections: [] });
  });

  it('lists the scenarios whose answer a limit change moves, and those still expecting the old answer (issue 18)', () => {
    const scenarios = [
      { situation: 'A £30 refund.', role: 'lead', amount: 30, answer: 'decide' },
      { situation: 'A £50 refund.', role: 'lead', amount: 50, answer: 'escalate' },
      { situation: 'A £10 refund.', role: 'agent', amount: 10, answer: 'escalate' },
    ];
    const after = modelOf({
      roles: { ...LADDER },
      boundaries: {
        refunds: boundary(
          [
            { role: 'agent', authority: 'escalate' },
            { role: 'lead', authority: 'decide', limit: { amount: 60 } },
          ],
          { scenarios, changes: [{ date: '2026-11-01', summary: 'Lead limit raised to £60.' }] },
        ),
      },
    });
    const refunds = authorityDiff(before, after).sections.find((section) => section.heading === 'Refund a purchase');
    expect(refunds?.lines).toEqual([
      'Lead: £40 → £60 per case',
      'Scenario “A £50 refund.” (Lead, £50): escalate → decide; the scenario still expects escalate',
    ]);
  });

  it('an authority change, an escalation override and a ladder change read as leaders say them', () => {
    const after = modelOf({
      roles: { ...LADDER, agent: { title: 'Agent', escalatesTo: 'manager' } },
      boundaries: {
        refunds: boundary([
          { role: 'agent', authority: 'decide', limit: { amount: 20 } },
          { role: 'lead', authority: 'decide', limit: { amount: 40 }, escalateTo: 'director' },
        ]),
      },
    });
    expect(formatDiffText(authorityDiff(before, after))).toBe(`Authority changes

Needs a change-history line
  Refund a purchase (boundaries/refunds.md): its limits or authority changed, but changes has no new line, so /changes/ and its feed would not show it

Refund a purchase (boundaries/refunds.md)
  Agent: Escalates to Lead → Decides up to £20 per case
  Lead: passes what is beyond its authority to Manager → Director (Decides up to £40 per case)

Ladders
  Agent: escalates to Lead → escalates to Manager`);
  });

  it('needs no history line when the change has one, and none for changed words alone', () => {
    const recorded = modelOf({
      roles: { ...LADDER },
      boundaries: {
        refunds: boundary(
          [
            { role: 'agent', authority: 'escalate' },
            { role: 'lead', authority: 'decide', limit: { amount: 60 } },
          ],
          { changes: [{ date: '2026-11-01', summary: 'Lead limit raised.' }], guardrails: ['Never in cash.'], summary: 'Refunds, plainly.' },
        ),
      },
    });
    expect(formatDiffText(authorityDiff(before, recorded))).toBe(`Authority changes

Refund a purchase (boundaries/refunds.md)
  Lead: £40 → £60 per case
  Summary was “S”, now “Refunds, plainly.”
  Guardrail added: “Never in cash.”`);
  });

  it('lists what a retired boundary takes away and what still links to it', () => {
    const retired = modelOf({
      roles: { ...LADDER },
      boundaries: {
        refunds: boundary(
          [
            { role: 'agent', authority: 'escalate' },
            { role: 'lead', authority: 'decide', limit: { amount: 40 } },
          ],
          { status: 'retired' },
        ),
      },
      guidelines: { refunding: { title: 'Refunding well', summary: 'S', owner: 'O', lastReviewed: '2026-06-01', boundaries: ['refunds'] } },
    });
    expect(formatDiffText(authorityDiff(before, retired))).toBe(`Authority changes

Retired: Refund a purchase (boundaries/refunds.md)
  Agent loses: Escalates to Lead
  Lead loses: Decides up to £40 per case
  Still linked from guideline Refunding well (guidelines/refunding.md)`);
  });

  it('escapes what Markdown would act on in content', () => {
    expect(escapeMarkdown('Refunds *now* <b>@team</b> #12')).toBe('Refunds \\*now\\* \\<b\\>\\@team\\</b\\> \\#12');
    expect(formatDiffMarkdown({ sections: [] })).toBe(
      '### Authority changes\n\nNo changes to authority: every limit, grant, boundary, ladder and value is as before.',
    );
  });
});

describe('the diff quotes content escaped for where it goes', () => {
  const hostile = {
    sections: [
      { heading: 'Refunds\n<!-- ', file: 'boundaries/a\n<!-- ``x``/refunds.md', lines: ['Agent: \u001b[31mred\u001b[0m \u202eevil'] },
      { heading: 'Ladders', lines: ['Lead: later change'] },
    ],
  };

  it('Markdown: the file name is a code span fenced with more backticks than it holds, line breaks written out', () => {
    const markdown = formatDiffMarkdown(hostile);
    expect(markdown).toContain('#### Refunds\\\\n\\<\\!--  (```boundaries/a\\n<!-- ``x``/refunds.md```)');
    expect(markdown).toContain('#### Ladders');
    expect(markdown).not.toMatch(/\u001b|\u202e/);
  });

  it('text: nothing acts on the terminal or starts a line of its own', () => {
    expect(formatDiffText(hostile).split('\n').slice(0, 4)).toEqual([
      'Authority changes',
      '',
      'Refunds\\n<!--  (boundaries/a\\n<!-- ``x``/refunds.md)',
      '  Agent: \\u{001B}[31mred\\u{001B}[0m \\u{202E}evil',
    ]);
  });
});
