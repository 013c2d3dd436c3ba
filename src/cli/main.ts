/**
 * `happenings <command>`: dispatches to one file per command. Exit code 0 on success, 1 on error
 * with one clear line on stderr (the stack only with --debug).
 */
import { HappeningsError, errorLine } from '../errors.js';
import { setDebug } from '../log.js';
import type { Command } from './command.js';

const commands: Record<string, () => Promise<{ command: Command }>> = {
  serve: () => import('./serve.js'),
  ingest: () => import('./ingest.js'),
  extract: () => import('./extract.js'),
  translate: () => import('./translate.js'),
  sources: () => import('./sources.js'),
  config: () => import('./config.js'),
  demo: () => import('./demo.js'),
  cluster: () => import('./cluster.js'),
  worker: () => import('./worker.js'),
  migrate: () => import('./migrate.js'),
};

async function helpText(): Promise<string> {
  const lines = ['Usage: happenings <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', 'Run `happenings <command> --help` for its options. --debug prints stack traces.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  setDebug(debug);
  const args = argv.filter((a) => a !== '--debug');
  const name = args[0];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${await helpText()}\n`);
    return name ? 0 : 1;
  }
  const load = commands[name];
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
