/**
 * Where story clustering goes wrong on NTREX: each document split over several stories (which
 * languages went where) and each story holding several documents, with the terms that made the
 * join (the same "why" as `happenings cluster --explain`).
 * Run: npx tsx bench/cluster-errors.ts [--english] [es,ca,gl,eu,en]
 */
import { NTREX_CORE, loadNtrexShuffled, scoreSet, withApertiumEnglish } from '../eval/sets/cluster.js';
import { ClusterStream, inPublishedOrder, type StreamResult } from '../src/pipeline/cluster/stream.js';

const args = process.argv.slice(2);
const languages = args.find((a) => !a.startsWith('--'))?.split(',') ?? NTREX_CORE;
const plain = loadNtrexShuffled(languages);
const articles = args.includes('--english') ? await withApertiumEnglish(plain) : plain;

const stream = new ClusterStream(Date.parse('2030-01-01T00:00:00Z'));
const results = new Map<string, StreamResult>();
for (const a of inPublishedOrder(articles)) results.set(a.id, stream.add(a));
const storyOf = (id: string) => stream.resolve(results.get(id)!.story);

const group = <K>(keys: string[], by: (id: string) => K) => {
  const out = new Map<K, string[]>();
  for (const id of keys) out.set(by(id), [...(out.get(by(id)) ?? []), id]);
  return out;
};
const ids = articles.map((a) => a.id);
const doc = (id: string) => id.slice(id.indexOf(':') + 1);
const lang = (id: string) => id.slice(0, id.indexOf(':'));
const why = (id: string) => {
  const w = results.get(id)!.why;
  return w.created ? 'started it' : `joined at ${w.similarity.toFixed(2)} on ${w.sharedTerms.slice(0, 6).join(' ')}`;
};

console.log('SPLIT documents (story: languages)');
for (const [d, members] of group(ids, doc)) {
  const stories = group(members, storyOf);
  if (stories.size > 1)
    console.log(`  ${d}: ${[...stories].map(([s, m]) => `${s}[${m.map(lang).join(',')}]`).join(' ')}`);
}
console.log('MERGED stories (documents, and how each first article of a foreign document joined)');
for (const [s, members] of group(ids, storyOf)) {
  const docs = group(members, doc);
  if (docs.size < 2) continue;
  console.log(`  story ${s}: ${[...docs.keys()].join(' + ')}`);
  for (const [, m] of docs) console.log(`    ${m[0]} ${why(m[0]!)}`);
}
const score = scoreSet(articles);
console.log(`B-cubed P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)}`);
