import { describe, expect, it } from 'vitest';
import { currentShard, parseShard, partOwners, shardPlan } from '../../src/lib/scale/shard.ts';

describe('shards', () => {
  it('reads K/N and says what is wrong otherwise', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(() => parseShard('4')).toThrow('--shard takes K/N, for example --shard 1/4 (the first of four parts); got "4".');
    expect(() => parseShard('0/3')).toThrow('--shard 0/3: K counts from 1 to 3.');
    expect(() => parseShard('5/4')).toThrow('--shard 5/4: K counts from 1 to 4.');
    expect(() => parseShard('1/0')).toThrow('--shard 1/0: N is how many shards there are, at least 1.');
  });

  it('takes the shard from the environment, or none', () => {
    expect(currentShard({ LATITUDE_SHARD: '3/5' })).toEqual({ index: 3, count: 5 });
    expect(currentShard({})).toBeUndefined();
  });

  const page = (url: string, part: string) => ({ url, part });
  // core 5 pages, wins-2025 4, wins-2024 3, wins-2023 1.
  const indexed = [
    ...['a', 'b', 'c', 'd', 'e'].map((id) => page(`/values/${id}/`, 'core')),
    ...['f', 'g', 'h', 'i'].map((id) => page(`/wins/${id}/`, 'wins-2025')),
    ...['j', 'k', 'l'].map((id) => page(`/wins/${id}/`, 'wins-2024')),
    page('/wins/m/', 'wins-2023'),
  ];

  it('gives each part of the search index whole to one shard, largest first to the lightest shard', () => {
    expect(partOwners(indexed, 2)).toEqual(
      new Map([
        ['core', 1],
        ['wins-2025', 2],
        ['wins-2024', 2],
        ['wins-2023', 1],
      ]),
    );
    expect([...partOwners(indexed, 1).values()]).toEqual([1, 1, 1, 1]);
    // More shards than parts: the last shards get no part.
    expect([...partOwners(indexed, 6).values()]).toEqual([1, 2, 3, 4]);
    // The same owners whatever order the pages come in.
    expect(partOwners([...indexed].reverse(), 3)).toEqual(partOwners(indexed, 3));
  });

  it('plans every page: indexed pages with their part, the others evening out the shards', () => {
    const others = ['/', '/values/', '/wins/', '/wins/page/2/', '/404'];
    const plan = shardPlan([...others, ...indexed.map((p) => p.url), '/'], indexed, 2);
    expect(plan.size).toBe(others.length + indexed.length);
    for (const p of indexed) expect(plan.get(p.url)).toBe(partOwners(indexed, 2).get(p.part));
    // core + wins-2023 = 6 pages on shard 1, 7 on shard 2: the five others, in address order, each to the lighter (the lower on a tie).
    expect(['/', '/404', '/values/', '/wins/', '/wins/page/2/'].map((url) => plan.get(url))).toEqual([1, 1, 2, 1, 2]);
    const sizes = [1, 2].map((index) => [...plan.values()].filter((owner) => owner === index).length);
    expect(sizes).toEqual([9, 9]);
    expect(() => shardPlan(['/'], indexed, 2)).toThrow('The search index lists /values/a/, but no route renders that page.');
  });
});
