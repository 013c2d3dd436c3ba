import { describe, it, expect } from 'vitest';
import { checkOutput, loadNameCases, parseNameCases } from './names.js';

describe('name check', () => {
  const [testCase] = parseNameCases(
    'Putin recibe a Kim Jong Il en Pionyang.\tPutin | Kim Jong Il | Pionyang | Kremlin=The Kremlin\n',
  );

  it('accepts a name as written or in its gazetteer English form', () => {
    expect(testCase!.names.find((n) => n.name === 'Pionyang')!.accepted).toEqual(['Pionyang', 'Pyongyang']);
    expect(checkOutput(testCase!, 'Putin receives Kim Jong Il in Pyongyang. The Kremlin')).toEqual({
      missing: [],
      glued: [],
    });
  });

  it('counts a missing name and a name glued to the next word', () => {
    expect(checkOutput(testCase!, 'Put on receives Kim Jong Ilfather in Pyongyang. The Kremlin')).toEqual({
      missing: ['Putin'],
      glued: ['Kim Jong Il'],
    });
  });

  it('counts a leaked placeholder word as glued', () => {
    expect(checkOutput(testCase!, 'Putin receives Kimjongil in Pyongyang, Kremlin').glued).toContain('Kimjongil');
  });

  it('loads the names test set: at least 200 sentences, each with a name', () => {
    const cases = loadNameCases();
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.every((c) => c.names.length > 0 && c.names.every((n) => c.sentence.includes(n.name)))).toBe(true);
  });
});
