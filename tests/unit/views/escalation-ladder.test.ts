import { describe, expect, it } from 'vitest';
import { escalationLadders, type LadderRole } from '../../../src/lib/views/escalation-ladder.ts';

interface R extends LadderRole {
  escalatesTo: R | undefined;
}

/** Roles from `child: parent` pairs. */
function roles(links: Record<string, string | undefined>): Record<string, R> {
  const byId: Record<string, R> = {};
  for (const id of Object.keys(links)) byId[id] = { id, escalatesTo: undefined };
  for (const [id, parent] of Object.entries(links)) byId[id]!.escalatesTo = parent ? byId[parent] : undefined;
  return byId;
}

const grant = (role: R, authority = 'decide', escalateTo: R | undefined = role.escalatesTo) => ({ role, authority, escalateTo });
const draw = (ladders: ReturnType<typeof escalationLadders<R, ReturnType<typeof grant>>>) =>
  ladders.map((ladder) => [...ladder.steps.map((s) => (s.grant ? s.role.id : `(${s.role.id})`)), ...(ladder.joins ? [`→${ladder.joins.id}`] : [])].join(' '));

describe('escalationLadders', () => {
  const r = roles({
    associate: 'lead',
    lead: 'manager',
    manager: 'regional',
    regional: 'head',
    head: undefined,
    agent: 'senior',
    senior: 'teamlead',
    teamlead: 'ccm',
    ccm: undefined,
  });

  it('draws one ladder from the lowest role up, whatever order grants are written in', () => {
    expect(draw(escalationLadders([grant(r.manager!), grant(r.associate!), grant(r.lead!)]))).toEqual(['associate lead manager']);
  });

  it('shows roles on the way up that hold no grant, and drops those above the last grant', () => {
    expect(draw(escalationLadders([grant(r.associate!), grant(r.manager!)]))).toEqual(['associate (lead) manager']);
  });

  it('keeps the role a top grant informs, consults or escalates to', () => {
    expect(draw(escalationLadders([grant(r.associate!), grant(r.manager!, 'consult')]))).toEqual(['associate (lead) manager (regional)']);
  });

  it('draws separate ladders for separate teams', () => {
    expect(draw(escalationLadders([grant(r.associate!), grant(r.lead!), grant(r.agent!), grant(r.teamlead!)]))).toEqual([
      'associate lead',
      'agent (senior) teamlead',
    ]);
  });

  it('joins a ladder already drawn instead of repeating it', () => {
    const ladders = escalationLadders([grant(r.associate!, 'escalate'), grant(r.lead!), grant(r.manager!), grant(r.agent!, 'escalate', r.lead)]);
    expect(draw(ladders)).toEqual(['associate lead manager', 'agent →lead']);
  });

  it("follows a grant's own escalateTo over the role's", () => {
    const ladders = escalationLadders([grant(r.agent!, 'escalate', r.manager), grant(r.manager!)]);
    expect(draw(ladders)).toEqual(['agent manager']);
  });

  it('stops on a cycle rather than looping', () => {
    const c = roles({ a: 'b', b: 'a' });
    expect(() => escalationLadders([grant(c.a!), grant(c.b!)])).not.toThrow();
  });
});
