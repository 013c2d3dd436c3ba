import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { HappeningsError } from '../errors.js';
import { openStore } from '../store/index.js';
import { addSource, exportOpml, importOpml, sourceHealthLine } from '../sources/index.js';
import { dbOption, parseCommandArgs, usageError } from './args.js';
import type { Command } from './command.js';

export const command: Command = {
  summary: 'add, import (OPML), export (OPML) and list sources with their fetch health',
  usage: `Usage: happenings sources <add|import|export|list> [options] [--db PATH]

  sources add <url> [--name N] [--language L] [--page]
      a feed (RSS, Atom, RDF, JSON Feed), a news sitemap, or with --page a plain page
      (an article, or a section page whose article links are followed)
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
    });
    const [verb, target] = positionals;
    const config = loadConfig(process.env, values.db ? { dbPath: values.db } : {});
    const store = await openStore({ dbPath: config.dbPath });
    try {
      switch (verb) {
        case 'add': {
          if (!target) throw usageError('sources', 'add needs a URL');
          const kind = values.page ? 'page' : undefined;
          const { source, created } = await addSource(store, {
            url: target,
            name: values.name,
            language: values.language,
            kind,
            intervalMinutes: config.feedIntervalMinutes,
          });
          process.stdout.write(`${created ? 'added' : 'already there'}: ${source.id} ${source.name} ${target}\n`);
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
