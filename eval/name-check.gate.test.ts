// The name check of engines that do not protect names (src/pipeline/translate/name-repair.ts), held
// against a human translation: NTREX-128's Spanish as the source and its English original as the
// "engine output". A name the check flags there is one a good translation legitimately renders
// otherwise ("Guerra Fría" → "Cold War", "Juego de Tronos" → "Game of Thrones"): a repair would undo
// a right translation. nameCheckFalseAlarmShare, its share of the names checked, may only go down
// (gazetteer spellings, a better findNames). Needs ../shared/data; no engine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lostNames } from '../src/pipeline/translate/name-repair.js';
import { findNames } from '../src/pipeline/translate/protect-names.js';
import { gate } from './gate.js';
import { NTREX_DIR, NTREX_FILES } from './sets/ntrex.js';

const lines = (language: string) => readFileSync(join(NTREX_DIR, NTREX_FILES[language]!), 'utf8').split('\n');

describe('the name check against NTREX-128 human English (es→en)', () => {
  it('flags few names a human translated', () => {
    const spanish = lines('es');
    const english = lines('en');
    let checked = 0;
    let flagged = 0;
    spanish.forEach((sentence, i) => {
      checked += new Set(findNames(sentence).map((s) => s.name)).size;
      flagged += lostNames(sentence, english[i] ?? '', 'en').length;
    });
    const measured = { nameCheckNamesChecked: checked, nameCheckFalseAlarmShare: flagged / checked };
    console.log('name check', JSON.stringify({ checked, flagged, ...measured }));
    expect(gate('translate', measured)).toEqual([]);
  });
});
