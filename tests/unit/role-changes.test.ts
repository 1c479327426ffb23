/** Issue 18: what changed for one role, and what is new since the last visit. */
import { describe, expect, it } from 'vitest';
import {
  clearVisit,
  kindSince,
  markSeen,
  readSeen,
  roleChanges,
  seenStorageKey,
  unseenChanges,
  visitChanges,
  visitStorageKey,
  type RoleChange,
} from '../../src/lib/views/role-changes.ts';
import { boundary, LADDER, modelOf } from '../support/checked-content.ts';

function memory() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

const content = (agentLimit: number) => ({
  roles: { ...LADDER, other: { title: 'Other' } },
  boundaries: {
    refunds: boundary([{ role: 'agent', authority: 'decide', limit: { amount: agentLimit } }], {
      changes: [
        { date: '2026-05-01', summary: 'Agent limit changed.' },
        { date: '2026-01-01', summary: 'First version.' },
      ],
    }),
    parking: boundary([{ role: 'other', authority: 'decide' }], { title: 'Parking', changes: [{ date: '2026-06-01', summary: 'New.' }] }),
    vouchers: boundary([{ role: 'agent', authority: 'decide' }], { title: 'Vouchers', summary: 'Give a voucher.', effective: '2026-02-01' }),
    old: boundary([{ role: 'agent', authority: 'decide' }], {
      title: 'Old way',
      summary: 'Gone.',
      status: 'retired',
      changes: [{ date: '2026-04-01', summary: 'Retired.' }],
    }),
  },
  guidelines: {
    greet: { title: 'Greet everyone', summary: 'Say hello.', owner: 'Ops', lastReviewed: '2026-03-01', roles: ['agent'] },
    drive: { title: 'Drive safely', summary: 'Slowly.', owner: 'Ops', lastReviewed: '2026-07-01', roles: ['other'] },
  },
});

describe('roleChanges', () => {
  const playbook = modelOf(content(50));

  it('lists the boundary changes, new and retired boundaries and guidelines of the role only, newest first, capped', () => {
    const changes = roleChanges(playbook, 'agent');
    expect(changes.map((change) => [change.key, change.kind, change.date])).toEqual([
      ['refunds#change-2026-05-01', 'change', '2026-05-01'],
      ['old#retired', 'retired', '2026-04-01'],
      ['guideline:greet', 'guideline', '2026-03-01'],
      ['vouchers#added', 'added', '2026-02-01'],
      ['refunds#change-2026-01-01', 'change', '2026-01-01'],
    ]);
    expect(changes[0]).toEqual({
      key: 'refunds#change-2026-05-01',
      kind: 'change',
      date: '2026-05-01',
      title: 'Refund a purchase',
      path: '/boundaries/refunds/#change-2026-05-01',
      summary: 'Agent limit changed.',
      terms: { role: 'agent', authority: 'decide', limit: { amount: 50, currency: 'GBP' }, per: expect.any(String), escalateTo: 'lead' },
    });
    expect(changes[1]).toMatchObject({ title: 'Old way', path: '/boundaries/old/', summary: 'Gone.' });
    expect(roleChanges(playbook, 'other').map((change) => change.key)).toEqual(['guideline:drive', 'parking#change-2026-06-01', 'parking#added']);
    expect(roleChanges(playbook, 'agent', 2)).toHaveLength(2);
  });

  it('says a limit raised or lowered, or authority changed, against the terms at the last visit', () => {
    const now = roleChanges(modelOf(content(80)), 'agent')[0]!;
    const was = roleChanges(playbook, 'agent')[0]!.terms;
    expect(kindSince(now, was)).toBe('limit-raised');
    expect(kindSince(roleChanges(modelOf(content(20)), 'agent')[0]!, was)).toBe('limit-lowered');
    expect(kindSince({ ...now, terms: { ...now.terms!, authority: 'consult' } }, was)).toBe('authority');
    expect(kindSince(now, now.terms)).toBe('change');
    expect(kindSince(now, undefined)).toBe('change');
  });
});

describe('dated grants', () => {
  it('says a limit raised or authority changed on the day a dated grant of the role takes effect', () => {
    const playbook = modelOf({
      roles: LADDER,
      boundaries: {
        refunds: boundary(
          [
            { role: 'agent', authority: 'decide', limit: { amount: 50 }, until: '2026-12-31' },
            { role: 'agent', authority: 'decide', limit: { amount: 80 }, from: '2027-01-01' },
          ],
          { changes: [{ date: '2027-01-01', summary: 'Agent limit raised to £80 from January.' }] },
        ),
        vouchers: boundary(
          [
            { role: 'agent', authority: 'decide', until: '2026-12-31' },
            { role: 'agent', authority: 'consult', from: '2027-01-01' },
          ],
          { title: 'Vouchers', summary: 'Give a voucher.', changes: [{ date: '2026-01-01', summary: 'First version.' }] },
        ),
      },
    });
    const changes = roleChanges(playbook, 'agent');
    expect(changes.filter((change) => change.date === '2027-01-01').map((change) => [change.key, change.kind, change.summary])).toEqual([
      ['refunds#change-2027-01-01', 'limit-raised', 'Agent limit raised to £80 from January.'],
      ['vouchers#from-2027-01-01', 'authority', 'Give a voucher.'],
    ]);
  });
});

describe('since the last visit', () => {
  const keys = { seen: seenStorageKey('/', 'agent'), visit: visitStorageKey('/', 'agent') };
  const first = roleChanges(modelOf(content(50)), 'agent');
  const raised = modelOf({
    ...content(80),
    boundaries: {
      ...content(80).boundaries,
      refunds: boundary([{ role: 'agent', authority: 'decide', limit: { amount: 80 } }], {
        changes: [
          { date: '2026-11-20', summary: 'Agent limit raised to £80.' },
          { date: '2026-05-01', summary: 'Agent limit changed.' },
          { date: '2026-01-01', summary: 'First version.' },
        ],
      }),
    },
  });
  const second = roleChanges(raised, 'agent');
  const shown = (list: { change: RoleChange; kind: string }[]) => list.map(({ change, kind }) => `${change.key} ${kind}`);

  it('shows nothing on a first visit, then what is new, the same on every page of the visit; the next visit starts after it', () => {
    const device = memory();
    expect(visitChanges(first, device, memory(), keys)).toEqual([]);
    expect(readSeen(device, keys.seen)?.keys).toHaveLength(first.length);

    const session = memory();
    expect(shown(visitChanges(second, device, session, keys))).toEqual(['refunds#change-2026-11-20 limit-raised']);
    // Another page of the same visit: the same list, though the mark has moved on.
    expect(shown(visitChanges(second, device, session, keys))).toEqual(['refunds#change-2026-11-20 limit-raised']);
    // The next visit: nothing new since this one.
    expect(visitChanges(second, device, memory(), keys)).toEqual([]);
  });

  it('clears for the rest of the visit', () => {
    const device = memory();
    visitChanges(first, device, memory(), keys);
    const session = memory();
    expect(visitChanges(second, device, session, keys)).toHaveLength(1);
    clearVisit(second, device, session, keys);
    expect(visitChanges(second, device, session, keys)).toEqual([]);
  });

  it('reads the first stored form (a list of keys), per site and role', () => {
    const device = memory();
    device.setItem(keys.seen, JSON.stringify(first.slice(1).map((change) => change.key)));
    expect(unseenChanges(first, readSeen(device, keys.seen))).toEqual([{ key: first[0]!.key, kind: 'change' }]);
    expect(unseenChanges(first, undefined)).toEqual([]);
    markSeen(device, keys.seen, first);
    expect(unseenChanges(first, readSeen(device, keys.seen))).toEqual([]);
    expect(seenStorageKey('/fr/', 'agent')).not.toBe(keys.seen);
  });
});
