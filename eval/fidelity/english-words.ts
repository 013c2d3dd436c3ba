/**
 * Which words Apertium's English dictionaries know: the audit's test for "a copied word that is an
 * English word all the same" ("region", "Mexico"). One lt-proc run per dictionary over all the words;
 * needs apertium-eng-spa (the analyser of its English side), and reads the English sides of
 * apertium-eng-cat and apertium-en-gl too where installed: eng-spa's lacks "relegation", which
 * eng-cat's has. Measured on bench/fidelity-translation.ts, December 2026.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const required = '/usr/share/apertium/apertium-eng-spa/eng-spa.automorf.bin';
const optional = [
  '/usr/share/apertium/apertium-eng-cat/eng-cat.automorf.bin',
  '/usr/share/apertium/apertium-en-gl/en-gl.automorf.bin',
];

/**
 * The `words` any English dictionary knows, alone or as part of a multiword name it knows in one of
 * the `context` lines (the translation they come from): "Angeles" is no word, but "Los Angeles" is
 * a name, the engine's English for "Los Ángeles", and "Papua" stands in "Papua New Guinea".
 */
export function knownEnglishWords(words: string[], context: string[] = []): Set<string> {
  if (!words.length) return new Set();
  const wanted = new Set(words);
  // Context lines as an Apertium stream: one line each, the stream's special characters escaped.
  const lines = context.map((line) => line.replace(/\s+/g, ' ').replace(/[\\[\]^$/<>@{}]/g, (c) => `\\${c}`));
  const input = [...words, ...lines].join('\n') + '\n';
  const known = new Set<string>();
  for (const analyser of [required, ...optional.filter((path) => existsSync(path))]) {
    const output = execFileSync('lt-proc', [analyser], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
    for (const unit of output.matchAll(/\^([^/$]*)\/([^$]*)\$/g)) {
      if (unit[2]!.startsWith('*')) continue;
      for (const word of unit[1]!.split(/\s+/)) if (wanted.has(word)) known.add(word);
    }
  }
  return known;
}
