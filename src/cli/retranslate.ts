import { loadConfig } from '../config.js';
import { log } from '../log.js';
import { retranslateArticles, type RetranslateReport } from '../pipeline/retranslate.js';
import { createTranslator, storeTranslationCache, translatorOptionsFromConfig } from '../pipeline/translate/index.js';
import { openStore } from '../store/index.js';
import { dbOption, parseCommandArgs, usageError } from './args.js';
import type { Command } from './command.js';

export const command: Command = {
  usage: `Usage: happenings retranslate [--language L] [--since DATE] [--source ID] [--db PATH]

Translates stored articles again, into each site language, with the engine that now serves their
language pair (after \`happenings models add de-en\`, say). A translation that already came from
that engine and model is left alone, so running it again redoes nothing. Works in batches with a
progress line; a failed article is recorded (admin, failed pages) and the run goes on.

  --language L    only articles in this language (e.g. de)
  --since DATE    only articles published on or after DATE (e.g. 2026-11-01)
  --source ID     only articles of this source (see happenings sources list)
  --db PATH       SQLite file (default ./data/happenings.db, or HAPPENINGS_DB)`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('retranslate', args, {
      ...dbOption,
      language: { type: 'string' },
      since: { type: 'string' },
      source: { type: 'string' },
    });
    if (positionals.length) throw usageError('retranslate', `unexpected ${positionals.join(' ')}`);
    const options = filterOptions(values);
    const config = loadConfig(process.env, values.db ? { dbPath: values.db } : {});
    const store = config.databaseUrl
      ? await openStore({ databaseUrl: config.databaseUrl })
      : await openStore({ dbPath: config.dbPath });
    const translator = createTranslator({
      ...translatorOptionsFromConfig(config),
      persistentCache: storeTranslationCache(store),
    });
    const tty = process.stderr.isTTY === true;
    try {
      const report = await retranslateArticles(
        { store, translator, languages: config.languages },
        {
          ...options,
          onBatch: (r) =>
            tty ? process.stderr.write(`\r\x1b[K${reportLine(r)}`) : log.info(`retranslate: ${reportLine(r)}`),
        },
      );
      if (tty && report.articles) process.stderr.write('\n');
      process.stdout.write(`${reportLine(report)}\n`);
      return report.failed > 0 ? 1 : 0;
    } finally {
      await translator.close();
      await store.close();
    }
  },
};

function filterOptions(values: { language?: string; since?: string; source?: string }) {
  const { language, since, source } = values;
  if (language !== undefined && !/^[a-z]{2,3}$/.test(language))
    throw usageError('retranslate', `--language takes a language code such as de, not "${language}"`);
  if (since !== undefined && Number.isNaN(Date.parse(since)))
    throw usageError('retranslate', `--since takes a date such as 2026-11-01, not "${since}"`);
  if (source !== undefined && !/^[1-9]\d*$/.test(source))
    throw usageError('retranslate', `--source takes a source id (a number), not "${source}"`);
  return {
    ...(language && { language }),
    ...(since && { since: new Date(Date.parse(since)).toISOString() }),
    ...(source && { sourceId: Number(source) }),
  };
}

export function reportLine(r: RetranslateReport): string {
  return `${r.articles} article(s): ${r.retranslated} translation(s) redone, ${r.current} already current, ${r.unserved} with no engine for their pair, ${r.failed} failed`;
}
