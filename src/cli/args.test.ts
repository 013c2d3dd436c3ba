import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from './args.js';

describe('parseCommandArgs', () => {
  it('names an unknown option in one short line, quotes balanced', () => {
    expect(() => parseCommandArgs('extract', ['--frob'], { to: { type: 'string' } })).toThrow(
      /^cli: extract: unknown option --frob \(see happenings extract --help\)$/,
    );
  });

  it("keeps parseArgs' other messages", () => {
    expect(() => parseCommandArgs('extract', ['--to'], { to: { type: 'string' } })).toThrow(
      /^cli: extract: Option '--to <value>' argument missing/,
    );
  });
});
