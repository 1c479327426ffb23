import { describe, expect, it } from 'vitest';
import { PRELOAD_MIN_LETTERS, SHORT_WORD_PAUSE_MS, TYPING_PAUSE_MS, typingPause, worthPreloading } from '../../src/lib/search/typing.ts';

describe('acting on a half-typed query', () => {
  it('fetches the index once the word being typed has three letters', () => {
    expect(PRELOAD_MIN_LETTERS).toBe(3);
    expect(['', ' ', 'r', 're', 'refund r', 'refund re ', 'é', 'éé'].map(worthPreloading)).toEqual([false, false, false, false, false, false, false, false]);
    expect(['ref', 'refund', ' ref ', 'late ref', 'HR bonus', 'ééé'].map(worthPreloading)).toEqual([true, true, true, true, true, true]);
  });

  it('searches after a short pause, and after a longer one while the word being typed is short', () => {
    expect([TYPING_PAUSE_MS, SHORT_WORD_PAUSE_MS]).toEqual([150, 450]);
    expect(typingPause('refund')).toBe(150);
    expect(typingPause('')).toBe(150);
    expect(typingPause('r')).toBe(450);
    expect(typingPause('HR')).toBe(450);
    expect(typingPause('refund r')).toBe(450);
  });
});
