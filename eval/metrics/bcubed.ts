/** B-cubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin 1998). */
export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/** `predicted` and `gold` map each item to its cluster label; both cover the same items. */
export function bcubed(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): BCubed {
  const byPredicted = groupBy(predicted);
  const byGold = groupBy(gold);
  let precision = 0;
  let recall = 0;
  for (const [item, label] of predicted) {
    const p = byPredicted.get(label)!;
    const g = byGold.get(gold.get(item)!)!;
    let both = 0;
    for (const other of p) if (g.has(other)) both++;
    precision += both / p.size;
    recall += both / g.size;
  }
  const n = predicted.size || 1;
  precision /= n;
  recall /= n;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

function groupBy(labels: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [item, label] of labels) {
    const set = out.get(label);
    if (set) set.add(item);
    else out.set(label, new Set([item]));
  }
  return out;
}
