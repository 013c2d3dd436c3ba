/**
 * The Apertium engine: finds the installed pairs (`apertium -l`), builds each pair's pipeline from its
 * mode file with null-flush on every program, and keeps warm processes per pair (created on demand,
 * up to `processesPerPair`, each request to the least busy one).
 *
 * Why not `apertium -z`: in 3.8.3 it hands -z to apertium-destxt, which rejects it, and lt-proc's
 * bilingual/generation modes do not flush their output on '\0' (stdio buffering), so the pipeline from
 * `apertium-wblank-mode -z` is run with `stdbuf -oL` before each lt-proc after the first (a line break after each request flushes them). See docs/language.md.
 */
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { HappeningsError } from '../../errors.js';
import { ApertiumProcess } from './apertium-process.js';
import { translateHtmlDocument, type HtmlTranslation } from './html.js';
import { chainRuns } from './html-lines.js';
import type { FeatureSwitches } from './polish.js';
import { NameBook, translatePlain, type Carried } from './segments.js';
import type { EngineRoute, TranslationEngine } from './types.js';

const run = promisify(execFile);

export interface ApertiumOptions {
  /** The apertium command (config apertiumPath). */
  command?: string;
  dataDir?: string;
  processesPerPair?: number;
  timeoutMs?: number;
  /**
   * A pair with no direct mode goes through this language when both hops exist (null: never).
   * Measured on NTREX-128 → English (bench/translate.ts notes): Portuguese via Spanish BLEU 15.41,
   * chrF 49.00 against 2.99 / 27.49 left untranslated; French via Spanish 11.70 / 45.31 against
   * 2.61 / 28.45.
   */
  pivot?: string | null;
  /**
   * The shell pipeline for a mode instead of the one built from its mode file: a stand-in engine
   * process for tests (one that crashes, hangs or answers garbage on demand).
   */
  pipelineFor?: (mode: string) => string;
  /** Segments are sent in batches of up to this many characters (1: one request per segment). */
  batchChars?: number;
  /** Post-editing and source-edit features (polish.ts); all on by default. */
  features?: FeatureSwitches;
}

export const enableApertium = 'install Apertium: apt-get install apertium apertium-eng-spa';

export class ApertiumEngine implements TranslationEngine {
  readonly name = 'apertium';
  private readonly command: string;
  private readonly dataDir: string;
  private readonly processesPerPair: number;
  private readonly timeoutMs: number;
  private readonly pools = new Map<string, Promise<ApertiumProcess[]>>();
  private modes: Promise<string[]> | null = null;
  private versionText: Promise<string> | null = null;
  private readonly pivot: string | null;
  private readonly features: FeatureSwitches;
  private readonly batchChars: number;
  private readonly pipelineFor: ((mode: string) => string) | null;

  constructor(options: ApertiumOptions = {}) {
    this.command = options.command ?? 'apertium';
    this.dataDir = options.dataDir ?? process.env.APERTIUM_DATADIR ?? '/usr/share/apertium';
    // One pipeline already keeps ~12 programs busy on all cores: on 2 cores, bench/translate.ts measured
    // 11.7k words/s with one warm pipeline and 9.6k with two; more only pays on bigger machines.
    this.processesPerPair = options.processesPerPair ?? (availableParallelism() >= 8 ? 2 : 1);
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.pivot = options.pivot === undefined ? 'es' : options.pivot;
    this.features = options.features ?? {};
    this.batchChars = options.batchChars ?? 16_000;
    this.pipelineFor = options.pipelineFor ?? null;
  }

  /** Asked once (every translated article records it; a spawn each cost more than the article's JS). */
  version(): Promise<string> {
    this.versionText ??= this.exec(['-V']).then(({ stdout }) => stdout.trim().replace(/^Apertium\s+/i, ''));
    this.versionText.catch(() => (this.versionText = null));
    return this.versionText;
  }

  /** Installed pairs as "es-en"; throws HappeningsError when apertium cannot run. */
  async pairs(): Promise<string[]> {
    return (await this.modeNames()).map(modeToPair).filter((p): p is string => p !== null);
  }

  async supports(from: string, to: string): Promise<boolean> {
    try {
      return (await this.route(from, to)) !== null;
    } catch {
      return false;
    }
  }

  /** The hops from → to: the direct pair, else through the pivot language, else null. */
  async route(from: string, to: string): Promise<[string, string][] | null> {
    const pairs = await this.pairs();
    if (pairs.includes(`${from}-${to}`)) return [[from, to]];
    const via = this.pivot;
    if (via && from !== via && to !== via && pairs.includes(`${from}-${via}`) && pairs.includes(`${via}-${to}`))
      return [
        [from, via],
        [via, to],
      ];
    return null;
  }

  /** No model; the version of Apertium, and the pivot when the pair goes through one ("pt → es → en": es). */
  async describe(from: string, to: string): Promise<EngineRoute> {
    const hops = await this.route(from, to).catch(() => null);
    return { model: null, version: await this.version(), via: hops && hops.length > 1 ? hops[0]![1] : null };
  }

  async translateTexts(texts: string[], from: string, to: string): Promise<string[]> {
    let out = texts;
    let carried: Carried | null = null; // the first hop reads the article itself
    for (const [a, b] of await this.hops(from, to)) {
      const book: NameBook = new NameBook(b, a, this.features, carried);
      out = await translatePlain(out, (segments) => this.translateSegments(segments, a, b), book);
      carried = book.passOn();
    }
    return out;
  }

  async translateHtml(html: string, from: string, to: string): Promise<string> {
    return (await this.translateHtmlRuns(html, from, to)).html;
  }

  /**
   * Through the pivot, the second hop translates the first's HTML and the runs are chained; the
   * first hop's unknown words and protected names pass through the second as written, and the
   * second finds no names of its own beyond the gazetteer's (NameBook.findNames).
   */
  async translateHtmlRuns(html: string, from: string, to: string): Promise<HtmlTranslation> {
    let out: HtmlTranslation | null = null;
    let carried: Carried | null = null; // the first hop reads the article itself
    for (const [a, b] of await this.hops(from, to)) {
      const book: NameBook = new NameBook(b, a, this.features, carried);
      const hop = await translateHtmlDocument(
        out?.html ?? html,
        (segments) => this.translateSegments(segments, a, b),
        book,
      );
      carried = book.passOn();
      out = out ? { html: hop.html, runs: chainRuns(out.runs, hop.runs) } : hop;
    }
    return out!;
  }

  private async hops(from: string, to: string): Promise<[string, string][]> {
    return (await this.route(from, to)) ?? [[from, to]]; // no route: the direct attempt fails with the fix spelled out
  }

  /** Process groups of the running pipelines (for health pages and tests). */
  async processIds(): Promise<number[]> {
    const pools = await Promise.allSettled([...this.pools.values()]);
    return pools.flatMap((pool) =>
      pool.status === 'fulfilled' ? pool.value.map((p) => p.pid).filter((pid): pid is number => pid !== null) : [],
    );
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    for (const pool of await Promise.allSettled(pools))
      if (pool.status === 'fulfilled') pool.value.forEach((p) => p.close());
  }

  /**
   * Segments go through in batches, one null-flushed request each, joined by a superblank apertium
   * copies through as it copies apertium-destxt's line breaks (so a batch reads like raw `apertium`
   * over a file: one request per sentence cost ×0.7 of raw's words/s in bench/translate.ts). A batch
   * whose answer does not split back into as many parts is retried one segment at a time.
   */
  private async translateSegments(segments: string[], from: string, to: string): Promise<string[]> {
    try {
      return checkedOutputs(segments, await this.translateBatches(segments, from, to), `${from}-${to}`);
    } catch (error) {
      // A pipeline that died mid-request was replaced: the request is tried once more on the new one.
      if (!(error instanceof HappeningsError && /exited/.test(error.message))) throw error;
      return checkedOutputs(segments, await this.translateBatches(segments, from, to), `${from}-${to}`);
    }
  }

  private async translateBatches(segments: string[], from: string, to: string): Promise<string[]> {
    const pool = await this.pool(from, to);
    const batches = inBatches(segments, this.batchChars);
    const outputs = await Promise.all(
      batches.map(async (batch) => {
        if (batch.length === 1) return [await this.translateOne(pool, batch[0]!)];
        const parts = (await leastBusy(pool).translate(`${batch.join(`[]${separator}`)}[]`)).split(separator);
        return parts.length === batch.length
          ? parts
          : Promise.all(batch.map((segment) => this.translateOne(pool, segment)));
      }),
    );
    return outputs.flat();
  }

  // The empty superblank closes the segment as apertium-destxt does; without it the final "." is lost.
  private translateOne(pool: ApertiumProcess[], segment: string): Promise<string> {
    return leastBusy(pool).translate(`${segment}[]`);
  }

  private pool(from: string, to: string): Promise<ApertiumProcess[]> {
    const pair = `${from}-${to}`;
    let pool = this.pools.get(pair);
    if (!pool) {
      pool = this.startPool(from, to);
      pool.catch(() => this.pools.delete(pair));
      this.pools.set(pair, pool);
    }
    return pool;
  }

  private async startPool(from: string, to: string): Promise<ApertiumProcess[]> {
    const mode = (await this.modeNames()).find((m) => modeToPair(m) === `${from}-${to}`);
    if (!mode)
      throw new HappeningsError('translate', 'translator', `apertium has no ${from}-${to} pair (${enableApertium})`);
    const pipeline = this.pipelineFor ? this.pipelineFor(mode) : await this.pipelineOf(mode);
    return Array.from({ length: this.processesPerPair }, () => new ApertiumProcess(pipeline, mode, this.timeoutMs));
  }

  private modeNames(): Promise<string[]> {
    this.modes ??= this.exec(['-l']).then(({ stdout }) =>
      stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
    this.modes.catch(() => (this.modes = null));
    return this.modes;
  }

  private async pipelineOf(mode: string): Promise<string> {
    const { stdout } = await run('apertium-wblank-mode', ['-z', `${this.dataDir}/modes/${mode}.mode`]).catch(
      (error: unknown) => {
        throw new HappeningsError(
          'translate',
          'translator',
          `cannot read the ${mode} mode: ${(error as Error).message}`,
        );
      },
    );
    // lt-proc -b/-g/-p do not fflush on '\0' in lttoolbox 3.7. Unbuffered (stdbuf -o0) they answer at
    // once but write every character in its own syscall; line-buffered (-oL) they write whole lines,
    // and each request ends with a blank holding a line break after its '\0' (ApertiumProcess), so
    // the answer is flushed at once all the same. The first program, lt-proc's analysis, flushes on
    // '\0' itself and stays as it is. NTREX CPU: all unbuffered 8.2-8.9 s, analysis buffered 6.7 s.
    return stdout.trim().replace(/(\|\s*)lt-proc /g, '$1stdbuf -oL lt-proc ');
  }

  private exec(args: string[]): Promise<{ stdout: string }> {
    return run(this.command, args, { timeout: 10_000 }).catch((error: unknown) => {
      throw new HappeningsError(
        'translate',
        'translator',
        `cannot run ${this.command}: ${(error as Error).message.split('\n')[0]} (${enableApertium})`,
      );
    });
  }
}

/** "spa-eng" → "es-en"; modes that are not plain pairs ("spa-eng_US", "-tagger") → null. */
export function modeToPair(mode: string): string | null {
  const match = /^([a-z]{2,3})-([a-z]{2,3})$/.exec(mode);
  if (!match) return null;
  const from = toIso1(match[1]!);
  const to = toIso1(match[2]!);
  return from && to ? `${from}-${to}` : null;
}

const apertiumCodes: Record<string, string> = {
  cat: 'ca',
  deu: 'de',
  eng: 'en',
  eus: 'eu',
  fra: 'fr',
  glg: 'gl',
  ita: 'it',
  oci: 'oc',
  por: 'pt',
  ron: 'ro',
  rus: 'ru',
  spa: 'es',
};

function toIso1(code: string): string | null {
  return code.length === 2 ? code : (apertiumCodes[code] ?? null);
}

/**
 * An answer with no letters where the segment had words (empty, only blanks or marks) is a broken
 * engine, not a translation: the whole request fails so the article stays untranslated.
 */
function checkedOutputs(segments: string[], outputs: string[], pair: string): string[] {
  segments.forEach((segment, i) => {
    const source = textOf(segment);
    const output = textOf(outputs[i] ?? '');
    if (/\p{L}/u.test(source) && !/\p{L}/u.test(output)) {
      throw new HappeningsError('translate', 'translator', `apertium ${pair} gave an empty or unreadable answer`);
    }
    // Apertium's English is rarely 1.5× its source: five times plus a line is no translation.
    if (output.length > 5 * source.length + 200)
      throw new HappeningsError('translate', 'translator', `apertium ${pair} gave an answer far longer than its text`);
  });
  return outputs;
}

/** Stream text without its blanks and marks, for the check above. */
function textOf(stream: string): string {
  return stream.replace(/\[\[[^\]]*\]\]/g, '').replace(/\[(?:\\.|[^\]])*\]/g, '');
}

/** Between two segments of one batch: no escaped text can spell it (escapeStream escapes < / >). */
const separator = '[<hs/>]';

/** Consecutive segments grouped up to `maxChars` each (a longer segment goes alone). */
function inBatches(segments: string[], maxChars: number): string[][] {
  const batches: string[][] = [];
  let size = Infinity;
  for (const segment of segments) {
    if (size + segment.length > maxChars) {
      batches.push([]);
      size = 0;
    }
    batches.at(-1)!.push(segment);
    size += segment.length;
  }
  return batches;
}

function leastBusy(pool: ApertiumProcess[]): ApertiumProcess {
  return pool.reduce((best, p) => (p.queued < best.queued ? p : best));
}
