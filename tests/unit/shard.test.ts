import { describe, expect, it } from 'vitest';
import { currentShard, inShard, parseShard, shardOf } from '../../src/lib/scale/shard.ts';

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

  it('gives every key exactly one shard, stably, and spreads keys evenly', () => {
    const keys = Array.from({ length: 4000 }, (_, i) => `wins/win-${i}/`);
    const counts = [0, 0, 0, 0];
    for (const key of keys) {
      const owners = [1, 2, 3, 4].filter((index) => inShard(key, { index, count: 4 }));
      expect(owners).toHaveLength(1);
      expect(owners[0]).toBe(shardOf(key, 4));
      counts[owners[0]! - 1]!++;
    }
    for (const count of counts) expect(count).toBeGreaterThan(900);
    expect(shardOf('boundaries/refund/', 4)).toBe(shardOf('boundaries/refund/', 4));
    expect(inShard('anything', undefined)).toBe(true);
    expect(inShard('anything', { index: 1, count: 1 })).toBe(true);
  });
});
