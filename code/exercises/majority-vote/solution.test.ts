// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { majorityVote } from './solution';

describe('majorityVote', () => {
  it('returns the only label when there is one', () => {
    expect(majorityVote(['cat'])).toBe('cat');
  });
  it('returns the most common label', () => {
    expect(majorityVote(['dog', 'cat', 'cat'])).toBe('cat');
    expect(majorityVote(['a', 'b', 'b', 'c', 'b', 'a'])).toBe('b');
  });
  it('breaks a tie in favour of the label with the nearest member', () => {
    expect(majorityVote(['dog', 'cat', 'cat', 'dog'])).toBe('dog');
    expect(majorityVote(['x', 'y'])).toBe('x');
  });
});
