import { describe, expect, it } from 'vitest';
import { anchoredHistory } from '../../../src/lib/model/boundary-history.ts';
import { capList } from '../../../src/lib/views/capped-list.ts';
import { editLink } from '../../../src/lib/links/edit-link.ts';
import { asImage } from '../../../src/lib/views/image.ts';
import { logoSitePath } from '../../../src/lib/links/logo.ts';
import { stripBase } from '../../../src/lib/links/href.ts';
import { navCurrent, PRIMARY_NAV } from '../../../src/lib/views/navigation.ts';
import { rolesByTeam } from '../../../src/lib/views/roles-by-team.ts';
import { ENGLISH } from '../../../src/lib/languages/dictionary.ts';

describe('capList', () => {
  it('keeps the first items and counts the rest', () => {
    const list = Array.from({ length: 20_000 }, (_, i) => i);
    const capped = capList(list, 12);
    expect(capped.items).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(capped.total).toBe(20_000);
    expect(capped.more).toBe(19_988);
  });

  it('leaves short lists whole', () => {
    expect(capList([1, 2], 12)).toEqual({ items: [1, 2], total: 2, more: 0 });
  });
});

describe('editLink', () => {
  it('appends the entry path to editUrl, with or without a trailing slash', () => {
    expect(editLink('https://github.com/o/p/edit/main/content/', 'values/own-it.md')).toBe('https://github.com/o/p/edit/main/content/values/own-it.md');
    expect(editLink('https://github.com/o/p/edit/main/content', 'wins/2026/a b.md')).toBe('https://github.com/o/p/edit/main/content/wins/2026/a%20b.md');
  });

  it('gives nothing without an editUrl', () => {
    expect(editLink(undefined, 'values/own-it.md')).toBeUndefined();
  });
});

describe('navigation', () => {
  it('lists the sections in the agreed order', () => {
    expect(PRIMARY_NAV.map((item) => ENGLISH[item.label])).toEqual(['Can I…?', 'Values', 'Roles', 'Boundaries', 'Guidelines', 'Case studies', 'Wins']);
  });

  it('marks the section index as the page and entries inside it as current', () => {
    expect(navCurrent('/values/', '/values/')).toBe('page');
    expect(navCurrent('/values/', '/values/own-it/')).toBe('true');
    expect(navCurrent('/wins/', '/wins/page/2/')).toBe('true');
    expect(navCurrent('/values/', '/roles/')).toBeUndefined();
    expect(navCurrent('/values/', '/')).toBeUndefined();
  });

  it('strips the base from a page path', () => {
    expect(stripBase('/playbook/values/a/', '/playbook/')).toBe('/values/a/');
    expect(stripBase('/playbook/', '/playbook')).toBe('/');
    expect(stripBase('/values/', '/')).toBe('/values/');
    expect(stripBase('/playbooks/x/', '/playbook')).toBe('/playbooks/x/');
  });
});

describe('anchoredHistory', () => {
  it('keeps newest first and gives each change a stable anchor', () => {
    const history = anchoredHistory([
      { date: '2026-03-01', summary: 'second that day' },
      { date: '2026-03-01', summary: 'first that day' },
      { date: '2025-01-10', summary: 'oldest' },
    ]);
    expect(history.map((c) => c.anchor)).toEqual(['change-2026-03-01-2', 'change-2026-03-01', 'change-2025-01-10']);
    expect(history.map((c) => c.summary)).toEqual(['second that day', 'first that day', 'oldest']);
  });

  it('sorts a history written out of order', () => {
    const history = anchoredHistory([
      { date: '2024-01-01', summary: 'a' },
      { date: '2026-01-01', summary: 'b' },
    ]);
    expect(history.map((c) => c.date)).toEqual(['2026-01-01', '2024-01-01']);
  });
});

describe('rolesByTeam', () => {
  it('groups by team, front line first, roles without a team last', () => {
    const role = (id: string, team: string | undefined, depth: number) => ({ id, title: id, team, chainAbove: Array.from({ length: depth }) });
    const teams = rolesByTeam([role('manager', 'Stores', 1), role('ceo', undefined, 0), role('associate', 'Stores', 2), role('agent', 'Contact', 1)]);
    expect(teams.map((t) => [t.name, t.roles.map((r) => r.id)])).toEqual([
      ['Contact', ['agent']],
      ['Stores', ['associate', 'manager']],
      [undefined, ['ceo']],
    ]);
    expect(new Set(teams.map((t) => t.anchor)).size).toBe(3);
  });

  it('groups by the base language’s team, so every language groups alike', () => {
    const role = (id: string, team: string, teamKey: string) => ({ id, title: id, team, teamKey, chainAbove: [] });
    const teams = rolesByTeam([role('driver', 'Livraison', 'Delivery'), role('supervisor', 'Livraisons', 'Delivery')], 'fr-CA');
    expect(teams.map((t) => [t.name, t.roles.map((r) => r.id)])).toEqual([['Livraison', ['driver', 'supervisor']]]);
  });
});

describe('logoSitePath', () => {
  it('serves the logo under _latitude with its own extension', () => {
    expect(logoSitePath('assets/logo.svg')).toBe('/_latitude/logo.svg');
    expect(logoSitePath('brand/Mark.PNG')).toBe('/_latitude/logo.png');
  });
});

describe('asImage', () => {
  it('accepts image metadata and nothing else', () => {
    expect(asImage({ src: '/a.png', width: 10, height: 10, format: 'png' })?.src).toBe('/a.png');
    expect(asImage('a.png')).toBeUndefined();
    expect(asImage(undefined)).toBeUndefined();
  });
});
