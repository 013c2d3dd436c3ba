/**
 * Which words Apertium's English dictionary knows: the audit's test for "a copied word that is an
 * English word all the same" ("region", "Mexico"). One run of lt-proc over all the words; needs
 * apertium-eng-spa (the analyser of its English side).
 */
import { execFileSync } from 'node:child_process';

const analyser = '/usr/share/apertium/apertium-eng-spa/eng-spa.automorf.bin';

export function knownEnglishWords(words: string[]): Set<string> {
  if (!words.length) return new Set();
  const output = execFileSync('lt-proc', [analyser], { input: words.join('\n') + '\n', encoding: 'utf8' });
  const known = new Set<string>();
  for (const unit of output.matchAll(/\^([^/$]*)\/([^$]*)\$/g)) if (!unit[2]!.startsWith('*')) known.add(unit[1]!);
  return known;
}
