/**
 * The site's section lists as SQL (docs/sections.md): the old `section = ?`, the taxonomy's
 * `section in (…)`, and the form a source's overrides give, timed on a store bench:web kept
 * (`npm run bench:web -- --store PATH`), 200 runs each, with SQLite's plan.
 *
 *   npx tsx bench/sections-sql.ts PATH
 */
import Database from 'better-sqlite3';

const path = process.argv[2];
if (!path) throw new Error('bench/sections-sql.ts: give the store kept by bench:web --store PATH');
const db = new Database(path, { readonly: true });
const order = 'order by coalesce(published_at, first_seen_at) desc, id desc limit 21';
const first = `(select c.source_id from article_sources c where c.article_id = articles.id order by c.is_first desc, c.seen_at limit 1)`;
const queries: [string, string][] = [
  ["before: section = 'Sport'", `select * from articles where section = 'Sport' ${order}`],
  ["section in ('Sport')", `select * from articles where section in ('Sport') ${order}`],
  [
    "section in ('World','Local','Politics')",
    `select * from articles where section in ('World','Local','Politics') ${order}`,
  ],
  [
    "one source's everything in Sport, another excepted",
    `select * from articles where ((section in ('Sport') and coalesce(${first}, 0) not in (1, 2)) or ${first} in (2)) ${order}`,
  ],
];
for (const [name, text] of queries) {
  const statement = db.prepare(text);
  const times: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const start = process.hrtime.bigint();
    statement.all();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const plan = (db.prepare(`explain query plan ${text}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
  console.log(`${name} | p50 ${times[100]!.toFixed(3)} ms | p99 ${times[197]!.toFixed(3)} ms | ${plan}`);
}
