/** Issue 18: what changed for one role, and what is new since the last visit. */
import { describe, expect, it } from 'vitest';
import { markSeen, readSeen, roleChanges, seenStorageKey, unseenChanges } from '../../src/lib/views/role-changes.ts';
import { boundary, LADDER, modelOf } from '../support/checked-content.ts';

describe('roleChanges', () => {
  const playbook = modelOf({
    roles: { ...LADDER, other: { title: 'Other' } },
    boundaries: {
      refunds: boundary([{ role: 'agent', authority: 'decide', limit: { amount: 50 } }], {
        changes: [
          { date: '2026-05-01', summary: 'Agent limit raised to £50.' },
          { date: '2026-01-01', summary: 'First version.' },
        ],
      }),
      parking: boundary([{ role: 'other', authority: 'decide' }], { title: 'Parking', changes: [{ date: '2026-06-01', summary: 'New.' }] }),
    },
  });

  it('lists only the changes of boundaries the role meets, newest first, capped', () => {
    expect(roleChanges(playbook, 'agent')).toEqual([
      {
        key: 'refunds#change-2026-05-01',
        date: '2026-05-01',
        boundary: 'Refund a purchase',
        path: '/boundaries/refunds/#change-2026-05-01',
        summary: 'Agent limit raised to £50.',
      },
      {
        key: 'refunds#change-2026-01-01',
        date: '2026-01-01',
        boundary: 'Refund a purchase',
        path: '/boundaries/refunds/#change-2026-01-01',
        summary: 'First version.',
      },
    ]);
    expect(roleChanges(playbook, 'other').map((change) => change.key)).toEqual(['parking#change-2026-06-01']);
    expect(roleChanges(playbook, 'agent', 1)).toHaveLength(1);
  });

  it('shows nothing on a first visit, then only what is new; storage per site and role', () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
    const key = seenStorageKey('/', 'agent');
    const changes = roleChanges(playbook, 'agent');
    expect(readSeen(storage, key)).toBeUndefined();
    expect(unseenChanges(changes, undefined)).toEqual([]);
    markSeen(storage, key, changes.slice(1));
    expect(unseenChanges(changes, readSeen(storage, key)).map((change) => change.key)).toEqual(['refunds#change-2026-05-01']);
    markSeen(storage, key, changes);
    expect(unseenChanges(changes, readSeen(storage, key))).toEqual([]);
  });
});
