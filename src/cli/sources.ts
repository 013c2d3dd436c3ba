import { readFile } from 'node:fs/promises';
import { loadConfig, type Config } from '../config.js';
import { HappeningsError } from '../errors.js';
import { openStore } from '../store/index.js';
import { checkSource, type CheckedSource } from '../sources/check.js';
import { createFetcher, fetchOptionsFromConfig } from '../pipeline/fetch/index.js';
import { addSource, checkedUrl, exportOpml, importOpml, sourceHealthLine } from '../sources/index.js';
import { dbOption, parseCommandArgs, usageError } from './args.js';
import type { Command } from './command.js';

export const command: Command = {
  usage: `Usage: happenings sources <add|import|export|list> [options] [--db PATH]

  sources add <url> [--name N] [--language L] [--page] [--no-check]
      a feed (RSS, Atom, RDF, JSON Feed), a news sitemap, or with --page a plain page
      (an article, or a section page whose article links are followed). The URL is fetched
      once first and what it holds reported; an address that fails, or an HTML page without
      --page, is refused (--no-check adds it without fetching)
  sources import <file.opml>     add every feed of an OPML file
  sources export                 print the sources as OPML
  sources list                   sources with fetch health, article counts and last errors

  --db PATH   SQLite file (default ./data/happenings.db, or HAPPENINGS_DB)`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('sources', args, {
      ...dbOption,
      name: { type: 'string' },
      language: { type: 'string' },
      page: { type: 'boolean', default: false },
      'no-check': { type: 'boolean', default: false },
    });
    const [verb, target] = positionals;
    const config = loadConfig(process.env, values.db ? { dbPath: values.db } : {});
    const store = await openStore({ dbPath: config.dbPath });
    try {
      switch (verb) {
        case 'add': {
          if (!target) throw usageError('sources', 'add needs a URL');
          const checked = values['no-check'] ? null : await checkOnce(config, target, values.page);
          const { source, created } = await addSource(store, {
            url: target,
            name: values.name ?? checked?.title ?? undefined,
            language: values.language,
            kind: checked?.kind ?? (values.page ? 'page' : undefined),
            intervalMinutes: config.feedIntervalMinutes,
          });
          const found = checked ? ` (${checked.found})` : ' (not checked)';
          process.stdout.write(
            `${created ? 'added' : 'already there'}: ${source.id} ${source.name} ${target}${found}\n`,
          );
          return 0;
        }
        case 'import': {
          if (!target) throw usageError('sources', 'import needs an OPML file');
          const text = await readFile(target, 'utf8').catch(() => {
            throw new HappeningsError('cli', 'bad-input', `sources: cannot read ${target}`);
          });
          const { added, known } = await importOpml(store, text, config.feedIntervalMinutes);
          process.stdout.write(`imported ${added} source(s), ${known} already there\n`);
          return 0;
        }
        case 'export':
          process.stdout.write(`${await exportOpml(store, `${config.siteName} sources`)}\n`);
          return 0;
        case 'list': {
          const sources = await store.sourceList();
          for (const s of sources) process.stdout.write(`${sourceHealthLine(s)}\n`);
          const errors = await store.itemErrors({ limit: 20 });
          if (errors.length > 0) process.stdout.write(`\nrecent item errors:\n`);
          for (const e of errors) process.stdout.write(`  ${e.code}  ${e.url}  ${e.message}\n`);
          return 0;
        }
        default:
          throw usageError('sources', verb ? `unknown verb "${verb}"` : 'say add, import, export or list');
      }
    } finally {
      await store.close();
    }
  },
};

/** Fetches the URL once, as the poller would (same limits, robots.txt, private-address guard). */
async function checkOnce(config: Config, url: string, asPage: boolean): Promise<CheckedSource> {
  const fetcher = createFetcher({ ...fetchOptionsFromConfig(config), maxRetries: 0 });
  try {
    return await checkSource(fetcher, checkedUrl(url), asPage);
  } finally {
    await fetcher.close();
  }
}
