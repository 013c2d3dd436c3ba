/**
 * Common words checked in a bitmap instead of their match lists (SQLite reader threads).
 *
 * A search of several words makes FTS5 check each match of the rarer words against the match list
 * of the commonest one, and a word found in most articles has a long list: each check jumps into
 * it (~10 µs at a million articles), which made three-word searches 3-7× dearer than their rarer
 * words alone (`npm run bench:walk`, docs/search.md "A fourth look"). A reader thread keeps, for
 * each query word it finds in more than `share` of the newest articles, one bit per article id;
 * the search then asks FTS5 for the other words and tests the bits (`has_common(id, word)`).
 *
 * Exact, not a cache that may lag: every write of an article's search text numbers its
 * `search_headlines` row (`indexed_seq`, migration 0020), and before each query the thread reads,
 * in the same read transaction as the query, the rows numbered since it last looked and sets or
 * clears their bits from the index itself. A bitmap is built in steps of `stepRows` matches
 * between queries, and used only once complete.
 *
 * `commonWordsReader` runs inside the reader thread: its source is put into the thread's code
 * (sqlite-readers.ts), so it refers to nothing outside itself. The main thread's side is
 * `commonWordsOf` (which words a query may test by bitmap) in sqlite-readers.ts.
 */
import type BetterSqlite3 from 'better-sqlite3';

export interface CommonWordsSettings {
  /** No bitmaps below this many articles: a small index walks fast anyway. */
  minArticles: number;
  /** A word is common when more than this share of the sampled newest articles hold it. */
  share: number;
  /** How many of the newest articles a word's share is counted over. */
  sample: number;
  /** At most this many bitmaps per thread (one bit per article id each: 122 KiB at a million). */
  maxWords: number;
  /** Matches read per build step; a step runs between queries. */
  stepRows: number;
  /** Words found not common are sampled again after this long (what is common moves with the news). */
  resampleMs: number;
  /** More search-text writes than this since the last look: the bitmaps are built again instead. */
  maxChanges: number;
  /**
   * Writes read back one lookup per write and word (~1 ms a write with twenty words at a million
   * articles) only up to this many; more, and the bitmaps are built again instead.
   */
  maxLookups: number;
  /**
   * Writes since the last look are read back by walking each word's matches between the lowest and
   * highest rowid written (new articles sit together at the newest end), at most this many matches
   * per write; past that (writes scattered over the archive), one index lookup per write and word.
   */
  rangeFactor: number;
  /** The index's rowid span per second (ROWID_ID_SPAN): an article's id is (-rowid) % span. */
  idSpan: number;
  /** SQL giving the index rowid of the article at offset ? in newest-first order (rowidOf). */
  newestRowidSql: string;
}

export const defaultCommonWordsSettings = {
  minArticles: 20_000,
  share: 0.2,
  sample: 2_000,
  maxWords: 64,
  stepRows: 5_000,
  resampleMs: 3_600_000,
  maxChanges: 20_000,
  maxLookups: 30,
  rangeFactor: 50,
} satisfies Partial<CommonWordsSettings>;

/** The message `has_common` fails with when a word's bitmap is not there (the caller walks plainly). */
export const NOT_READY = 'common word not ready';

/**
 * The reader thread's side: bitmaps, their building and their keeping in step. Its source runs in
 * the thread as it is, so it names nothing outside itself but NOT_READY, which the thread defines too.
 */
export function commonWordsReader(db: BetterSqlite3.Database, s: CommonWordsSettings) {
  const lowest = -(2n ** 63n);
  const statements = {
    lastSeq: db.prepare('select coalesce(max(indexed_seq), 0) as s from search_headlines').pluck(),
    changes: db
      .prepare(
        'select article_id, fts_rowid, indexed_seq from search_headlines where indexed_seq > ? order by indexed_seq',
      )
      .raw(true)
      .safeIntegers(true),
    holds: db.prepare('select 1 from articles_fts where articles_fts match ? and rowid = ?').pluck(),
    inRange: db
      .prepare(
        `select ((-rowid) % ${s.idSpan}) from articles_fts where articles_fts match ? and rowid between ? and ? limit ?`,
      )
      .pluck(),
    lastId: db.prepare('select coalesce(max(id), 0) from articles').pluck(),
    changed: db.prepare('select count(*) from search_headlines where indexed_seq > ?').pluck(),
    boundary: db.prepare(s.newestRowidSql).pluck().safeIntegers(true),
    sampled: db.prepare('select count(*) from articles_fts where articles_fts match ? and rowid <= ?').pluck(),
    // A rowid is past JavaScript's safe integers: read as its second and id (rowidOf), two numbers.
    chunk: db
      .prepare(
        `select ((-rowid) / ${s.idSpan}), ((-rowid) % ${s.idSpan}) from articles_fts where articles_fts match ? and rowid > ? order by rowid limit ?`,
      )
      .raw(true),
  };
  /** A word's bitmap; `after` is the last rowid read while it is being built, null once complete. */
  interface Bitmap {
    bits: Uint8Array;
    after: bigint | null;
  }
  const bitmaps = new Map<string, Bitmap>();
  /** Words found not common (or past maxWords): not sampled again before resampleMs. */
  const rare = new Set<string>();
  const queue: string[] = [];
  let seq = Number(statements.lastSeq.get());
  let articles = Number(statements.lastId.get());
  let sampledSince = Date.now();
  /** The rowid the sample ends at, read again each minute. */
  let boundary: { rowid: bigint | undefined; at: number } | undefined;
  const phrase = (word: string) => `"${word.replaceAll('"', '""')}"`;
  const bytesFor = (id: number) => Math.max(1024, (id >> 3) + 1);

  function setBit(bitmap: Bitmap, id: number, on: boolean): void {
    if (id >> 3 >= bitmap.bits.length) {
      if (!on) return;
      const grown = new Uint8Array(bytesFor(id * 2));
      grown.set(bitmap.bits);
      bitmap.bits = grown;
    }
    if (on) bitmap.bits[id >> 3]! |= 1 << (id & 7);
    else bitmap.bits[id >> 3]! &= ~(1 << (id & 7));
  }

  return {
    /** Words a query asked for: each is sampled once, in the background (step). */
    hint(words: string[]): void {
      if (Date.now() - sampledSince > s.resampleMs) {
        rare.clear();
        sampledSince = Date.now();
      }
      for (const word of words)
        if (!bitmaps.has(word) && !rare.has(word) && !queue.includes(word) && queue.length < 1000) queue.push(word);
    },

    /**
     * Applies the search-text writes since the last look (call inside the query's read transaction).
     * True when that dropped the bitmaps (to be built again): the words ready changed.
     */
    sync(): boolean {
      const last = Number(statements.lastSeq.get());
      if (last <= seq) return false;
      articles = Math.max(articles, Number(statements.lastId.get()));
      if (bitmaps.size === 0) {
        seq = last; // nothing to bring up to date
        return false;
      }
      // Many articles indexed again at once (a retranslation, a bulk load): reading each one's
      // words would hold this query for long; the bitmaps are built again in the background.
      const rebuild = () => {
        for (const [word] of bitmaps) queue.unshift(word);
        bitmaps.clear();
        seq = last;
        return true;
      };
      if (Number(statements.changed.get(seq)) > s.maxChanges) return rebuild();
      const written: [number, bigint][] = [];
      for (const [id, rowid, at] of statements.changes.iterate(seq) as Iterable<[bigint, bigint | null, bigint]>) {
        seq = Math.max(seq, Number(at));
        if (rowid !== null) written.push([Number(id), rowid]);
      }
      seq = Math.max(seq, last);
      if (written.length === 0) return false;
      let low = written[0]![1];
      let high = low;
      for (const [, rowid] of written) [low, high] = [rowid < low ? rowid : low, rowid > high ? rowid : high];
      const most = written.length * s.rangeFactor;
      for (const [word, bitmap] of bitmaps) {
        // One walk of the word's matches over the written range (measured at a million articles:
        // a lookup per write and word cost ~45 µs, ~0.9 ms a written article with twenty words).
        const found = statements.inRange.all(phrase(word), low, high, most + 1) as number[];
        if (found.length <= most) {
          const holding = new Set(found);
          for (const [id] of written) setBit(bitmap, id, holding.has(id));
        } else if (written.length > s.maxLookups) return rebuild();
        else
          for (const [id, rowid] of written)
            setBit(bitmap, id, statements.holds.get(phrase(word), rowid) !== undefined);
      }
      return false;
    },

    /** One bounded piece of background work; true when more is left. Returns the words just completed. */
    step(): { more: boolean; completed: string[] } {
      const completed: string[] = [];
      const building = [...bitmaps].find(([, b]) => b.after !== null);
      if (building) {
        const [word, bitmap] = building;
        const rows = statements.chunk.all(phrase(word), bitmap.after, s.stepRows) as [number, number][];
        for (const [, id] of rows) setBit(bitmap, id, true);
        if (rows.length < s.stepRows) {
          bitmap.after = null;
          completed.push(word);
        } else {
          const [second, id] = rows[rows.length - 1]!;
          bitmap.after = -(BigInt(second) * BigInt(s.idSpan) + BigInt(id));
        }
      } else {
        const word = queue.shift();
        if (word !== undefined) {
          if (!boundary || Date.now() - boundary.at > 60_000) {
            articles = Math.max(articles, Number(statements.lastId.get()));
            const rowid = articles >= s.minArticles ? (statements.boundary.get(s.sample - 1) as bigint) : undefined;
            boundary = { rowid, at: Date.now() };
          }
          const end = boundary.rowid;
          const held = end === undefined ? 0 : Number(statements.sampled.get(phrase(word), end));
          if (bitmaps.size < s.maxWords && end !== undefined && held > s.share * s.sample)
            bitmaps.set(word, { bits: new Uint8Array(bytesFor(articles)), after: lowest });
          else rare.add(word);
        }
      }
      return { more: queue.length > 0 || [...bitmaps.values()].some((b) => b.after !== null), completed };
    },

    /** Whether article `id` holds `word`; throws NOT_READY when the word has no complete bitmap. */
    has(id: number, word: string): boolean {
      const bitmap = bitmaps.get(word);
      // NOT_READY: this module's constant, or the reader thread's copy of it (sqlite-readers.ts).
      if (!bitmap || bitmap.after !== null) throw new Error(`${NOT_READY}: ${word}`);
      return id >> 3 < bitmap.bits.length && (bitmap.bits[id >> 3]! & (1 << (id & 7))) !== 0;
    },

    /** The words with a complete bitmap. */
    ready(): string[] {
      return [...bitmaps].filter(([, b]) => b.after === null).map(([w]) => w);
    },
  };
}
