/**
 * Corpus BLEU (tokenizer 13a) and chrF (character 6-grams, β = 2, whitespace dropped), written to give
 * sacreBLEU 2.x's default numbers: BLEU sums n-gram matches over the corpus with 'exp' smoothing and
 * one brevity penalty; chrF sums each order's counts over the corpus, averages precision and recall
 * over the orders that had n-grams, then takes F-β. Scores are 0–100. Used by bench/translate.ts and eval/translate.gate.integration.test.ts.
 */

/** sacreBLEU's tokenizer_13a: mteval-v13a's rules, after unescaping four HTML entities. */
export function tokenize13a(line: string): string {
  let s = line
    .replace(/<skipped>/g, '')
    .replace(/-\n/g, '')
    .replace(/\n/g, ' ');
  if (s.includes('&'))
    s = s
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  s = ` ${s} `;
  s = s.replace(/([{-~[-` -&(-+:-@/])/g, ' $1 ');
  s = s.replace(/([^0-9])([.,])/g, '$1 $2 ');
  s = s.replace(/([.,])([^0-9])/g, ' $1 $2');
  s = s.replace(/([0-9])(-)/g, '$1 $2 ');
  return s.split(/\s+/).filter(Boolean).join(' ');
}

function ngrams<T>(items: T[], n: number, key: (part: T[]) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= items.length; i++) {
    const k = key(items.slice(i, i + n));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

function matches(hyp: Map<string, number>, ref: Map<string, number>): number {
  let m = 0;
  for (const [k, c] of hyp) m += Math.min(c, ref.get(k) ?? 0);
  return m;
}

export interface BleuResult {
  score: number;
  precisions: number[];
  bp: number;
  sysLen: number;
  refLen: number;
}

/** Corpus BLEU, one reference per hypothesis. */
export function corpusBleu(hyps: string[], refs: string[]): BleuResult {
  const correct = [0, 0, 0, 0];
  const total = [0, 0, 0, 0];
  let sysLen = 0;
  let refLen = 0;
  hyps.forEach((h, i) => {
    const hw = tokenize13a(h).split(' ').filter(Boolean);
    const rw = tokenize13a(refs[i] ?? '')
      .split(' ')
      .filter(Boolean);
    sysLen += hw.length;
    refLen += rw.length;
    for (let n = 1; n <= 4; n++) {
      const hc = ngrams(hw, n, (p) => p.join(' '));
      correct[n - 1]! += matches(
        hc,
        ngrams(rw, n, (p) => p.join(' ')),
      );
      total[n - 1]! += Math.max(0, hw.length - n + 1);
    }
  });
  const precisions = [0, 0, 0, 0];
  let smooth = 1;
  for (let n = 0; n < 4; n++) {
    if (total[n] === 0) break;
    if (correct[n] === 0) {
      smooth *= 2; // sacreBLEU 'exp' smoothing
      precisions[n] = 100 / (smooth * total[n]!);
    } else precisions[n] = (100 * correct[n]!) / total[n]!;
  }
  const bp = sysLen === 0 ? 0 : sysLen < refLen ? Math.exp(1 - refLen / sysLen) : 1;
  const score = precisions.some((p) => p === 0)
    ? 0
    : bp * Math.exp(precisions.reduce((a, p) => a + Math.log(p), 0) / 4);
  return { score, precisions, bp, sysLen, refLen };
}

/** Corpus chrF: character n-grams 1..order over text with all whitespace removed. */
export function corpusChrf(hyps: string[], refs: string[], order = 6, beta = 2): number {
  const stats = Array.from({ length: order }, () => ({ hyp: 0, ref: 0, match: 0 }));
  hyps.forEach((h, i) => {
    const hc = Array.from(h.split(/\s+/).join(''));
    const rc = Array.from((refs[i] ?? '').split(/\s+/).join(''));
    for (let n = 1; n <= order; n++) {
      const hg = ngrams(hc, n, (p) => p.join(''));
      const rg = ngrams(rc, n, (p) => p.join(''));
      stats[n - 1]!.hyp += Math.max(0, hc.length - n + 1);
      stats[n - 1]!.ref += Math.max(0, rc.length - n + 1);
      stats[n - 1]!.match += matches(hg, rg);
    }
  });
  let prec = 0;
  let rec = 0;
  let effective = 0;
  for (const s of stats) {
    if (s.hyp > 0 && s.ref > 0) {
      prec += s.match / s.hyp;
      rec += s.match / s.ref;
      effective++;
    }
  }
  if (effective === 0) return 0;
  prec /= effective;
  rec /= effective;
  const factor = beta * beta;
  return prec + rec > 0 ? (100 * (1 + factor) * prec * rec) / (factor * prec + rec) : 0;
}
