/**
 * `happenings <command>`: dispatches to one file per command. Exit code 0 on success, 1 on error
 * with one clear line on stderr (the stack only with --debug).
 */
import { HappeningsError, errorLine } from '../errors.js';
import { setDebug } from '../log.js';
import type { Command } from './command.js';

/**
 * Each command's one-line summary here, its module loaded only when it runs: `happenings --help` loaded
 * every command (and through them the web app, the stores, the translators: ~270 MB and 2-3 s).
 */
const commands: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  serve: {
    summary: 'run the web site, the feed scheduler and the workers (the main job)',
    load: () => import('./serve.js'),
  },
  ingest: {
    summary: 'run the pipeline once over a feed, OPML file, page, folder of pages or WARC file, then exit',
    load: () => import('./ingest.js'),
  },
  extract: {
    summary: 'print the extracted (and translated) article of pages as JSON; needs no store',
    load: () => import('./extract.js'),
  },
  translate: { summary: 'translate stdin to stdout (text lines or --html)', load: () => import('./translate.js') },
  sources: {
    summary: 'add, import (OPML), export (OPML) and list sources with their fetch health',
    load: () => import('./sources.js'),
  },
  models: {
    summary: 'list, add (download and verify) and remove translation models',
    load: () => import('./models.js'),
  },
  retranslate: {
    summary: 'translate stored articles again with the engine that now serves their language pair',
    load: () => import('./retranslate.js'),
  },
  config: { summary: 'print the effective configuration (secrets masked)', load: () => import('./config.js') },
  demo: {
    summary: 'start a synthetic multilingual publisher on loopback and the site over it (no internet needed)',
    load: () => import('./demo.js'),
  },
  cluster: {
    summary: 'group a JSONL file of articles into stories (online dedupe + clustering)',
    load: () => import('./cluster.js'),
  },
  worker: { summary: 'run only the feed polling and ingest workers (no web site)', load: () => import('./worker.js') },
  migrate: {
    summary: 'bring the database schema up to date (run once before starting new versions)',
    load: () => import('./migrate.js'),
  },
};

function helpText(): string {
  const lines = ['Usage: happenings <command> [options]', '', 'Commands:'];
  for (const [name, { summary }] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${summary}`);
  lines.push('', 'Run `happenings <command> --help` for its options. --debug prints stack traces.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  setDebug(debug);
  const args = argv.filter((a) => a !== '--debug');
  const name = args[0];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return name ? 0 : 1;
  }
  const load = commands[name]?.load;
  if (!load) {
    process.stderr.write(`happenings: unknown command "${name}" (see happenings --help)\n`);
    return 1;
  }
  try {
    const { command } = await load();
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run(args.slice(1));
  } catch (error) {
    const line = error instanceof HappeningsError ? error.message : `${name}: ${errorLine(error)}`;
    process.stderr.write(`happenings: ${line}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
