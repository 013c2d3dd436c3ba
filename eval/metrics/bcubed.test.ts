import { describe, expect, it } from 'vitest';
import { bcubed } from './bcubed.js';

describe('bcubed', () => {
  it('is 1 for a perfect clustering and lower for one lump', () => {
    const gold = new Map([
      ['1', 'x'],
      ['2', 'x'],
      ['3', 'y'],
      ['4', 'y'],
    ]);
    expect(bcubed(gold, gold).f1).toBe(1);
    const lump = new Map([
      ['1', 'a'],
      ['2', 'a'],
      ['3', 'a'],
      ['4', 'a'],
    ]);
    expect(bcubed(lump, gold).precision).toBe(0.5);
  });
});
