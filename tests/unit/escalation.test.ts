/** The one walk up an escalation ladder (src/lib/domain/escalation.ts). */
import { describe, expect, it } from 'vitest';
import { rolesAbove, walkUp } from '../../src/lib/domain/escalation.ts';

const ladder = (links: Record<string, string | undefined>) => new Map(Object.entries(links).map(([id, escalatesTo]) => [id, { escalatesTo }]));

describe('walkUp', () => {
  it('walks from the start to the top', () => {
    const roles = ladder({ agent: 'lead', lead: 'manager', manager: undefined });
    expect([...walkUp<string>('agent', (id) => roles.get(id)?.escalatesTo)]).toEqual(['agent', 'lead', 'manager']);
  });

  it('stops before repeating a step, so a cycle ends the walk', () => {
    const roles = ladder({ agent: 'lead', lead: 'manager', manager: 'agent' });
    expect([...walkUp<string>('lead', (id) => roles.get(id)?.escalatesTo)]).toEqual(['lead', 'manager', 'agent']);
  });

  it('compares steps by key, and skips what is marked visited already', () => {
    const top = { id: 'top', up: undefined as unknown };
    const copyOfTop = { id: 'top', up: undefined };
    const middle = { id: 'middle', up: copyOfTop };
    const bottom = { id: 'bottom', up: middle };
    top.up = bottom;
    type Step = { id: string; up: unknown };
    const up = (step: Step) => step.up as Step | undefined;
    expect([...walkUp<Step>(bottom, up, (step) => step.id)].map((step) => step.id)).toEqual(['bottom', 'middle', 'top']);
    expect([...walkUp<Step>(bottom, up, (step) => step.id, new Set(['middle']))].map((step) => step.id)).toEqual(['bottom']);
  });
});

describe('rolesAbove', () => {
  it('lists the roles above, nearest first, and never the role itself', () => {
    const roles = ladder({ agent: 'lead', lead: 'manager', manager: 'agent' });
    expect(rolesAbove('agent', roles)).toEqual(['lead', 'manager']);
  });
});
