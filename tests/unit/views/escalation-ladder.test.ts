import { describe, expect, it } from 'vitest';
import { decisionLadder, type LadderRole } from '../../../src/lib/domain/ladder.ts';
import { escalationLadders } from '../../../src/lib/views/escalation-ladder.ts';
import type { Authority } from '../../../schemas/vocabulary.ts';

interface R {
  id: string;
}

/** Roles from `child: parent` pairs. */
function roles(links: Record<string, string | undefined>): Map<string, LadderRole & R> {
  return new Map(Object.entries(links).map(([id, escalatesTo]) => [id, { id, escalatesTo }]));
}

/** `map`, whose lookups fail after `limit` of them: a loop over it fails fast rather than hanging the test run. */
function boundedLookups<K, V>(map: Map<K, V>, limit: number): Map<K, V> {
  let lookups = 0;
  const get = map.get.bind(map);
  const has = map.has.bind(map);
  const count = () => {
    if (++lookups > limit) throw new Error(`more than ${limit} lookups: the walk goes round in a circle`);
  };
  map.get = (key: K) => (count(), get(key));
  map.has = (key: K) => (count(), has(key));
  return map;
}

type G = { role: R; authority: Authority; limit?: { amount: number }; escalateTo?: string };

/** The drawing of `grants` on the ladder of `all`, one string per ladder: held roles by id, others in brackets, a join as →id, an open top as ^. */
function draw(all: Map<string, LadderRole & R>, grants: G[]): string[] {
  const ladder = decisionLadder(
    grants.map((g) => ({ role: g.role.id, authority: g.authority, escalateTo: g.escalateTo, limit: g.limit })),
    all,
  );
  return escalationLadders<R, G>(grants, ladder, (id) => all.get(id)).map((drawn) =>
    [
      ...drawn.steps.map((s) => (s.grant ? s.role.id : `(${s.role.id})`)),
      ...(drawn.joins ? [`→${drawn.joins.id}`] : []),
      ...(drawn.endsBelowNeed ? ['^'] : []),
    ].join(' '),
  );
}

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
  const grant = (id: string, authority: Authority = 'decide', escalateTo?: string, limit?: number): G => ({
    role: r.get(id)!,
    authority,
    escalateTo,
    ...(limit === undefined ? {} : { limit: { amount: limit } }),
  });

  it('draws one ladder from the lowest role up, whatever order grants are written in', () => {
    expect(draw(r, [grant('manager'), grant('associate'), grant('lead')])).toEqual(['associate lead manager']);
  });

  it('shows roles on the way up that hold no grant, and drops those above the last grant', () => {
    expect(draw(r, [grant('associate'), grant('manager')])).toEqual(['associate (lead) manager']);
  });

  it('keeps the role a top grant informs, consults or escalates to', () => {
    expect(draw(r, [grant('associate'), grant('manager', 'consult')])).toEqual(['associate (lead) manager (regional)']);
  });

  it('draws separate ladders for separate teams', () => {
    expect(draw(r, [grant('associate'), grant('lead'), grant('agent'), grant('teamlead')])).toEqual(['associate lead', 'agent (senior) teamlead']);
  });

  it('joins a ladder already drawn instead of repeating it', () => {
    expect(draw(r, [grant('associate', 'escalate'), grant('lead'), grant('manager'), grant('agent', 'escalate', 'lead')])).toEqual([
      'associate lead manager',
      'agent →lead',
    ]);
  });

  it("follows a grant's own escalateTo over the role's", () => {
    expect(draw(r, [grant('agent', 'escalate', 'manager'), grant('manager')])).toEqual(['agent manager']);
  });

  it('says where the playbook names nobody beyond the top step: a limited top grant, below the top of the ladder or at it', () => {
    expect(draw(r, [grant('associate', 'decide', undefined, 50), grant('lead', 'decide', undefined, 150)])).toEqual(['associate lead ^']);
    expect(draw(r, [grant('associate', 'decide', undefined, 50), grant('head', 'decide', undefined, 900)])).toEqual([
      'associate (lead) (manager) (regional) head ^',
    ]);
    expect(draw(r, [grant('associate', 'decide', undefined, 50), grant('head')])).toEqual(['associate (lead) (manager) (regional) head']);
  });

  it('draws a retired role as one that passes the decision on', () => {
    const retired = new Map(r);
    retired.set('lead', { ...r.get('lead')!, status: 'retired' });
    expect(draw(retired, [grant('associate'), grant('lead'), grant('manager')])).toEqual(['associate (lead) manager']);
  });

  it('stops on a cycle rather than looping, and draws no ladder for it', () => {
    // Every step up a ladder looks a role up; a walk that went round for ever would look up without end, so it fails here instead of hanging.
    const c = boundedLookups(roles({ a: 'b', b: 'a' }), 1000);
    const drawn = draw(c, [
      { role: c.get('a')!, authority: 'decide' },
      { role: c.get('b')!, authority: 'decide' },
    ]);
    // A circle has no bottom to draw from: it is left out (the validator reports it as escalation-cycle).
    expect(drawn).toEqual([]);
  });
});
