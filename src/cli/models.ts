import { loadConfig, type Config } from '../config.js';
import {
  addModel,
  createPublisher,
  incomingModels,
  installedModels,
  removeModel,
  type AddEvent,
  type InstalledModel,
} from '../models/index.js';
import { parseCommandArgs, usageError } from './args.js';
import type { Command } from './command.js';

export const command: Command = {
  usage: `Usage: happenings models <list|add|remove> [options]

  models list                      installed models (pair, size, repository, revision, installed at)
                                   and downloads begun but not finished
  models add <from>-<to> [--repo owner/name]
                                   download a translation model (OPUS-MT, ONNX) from the publisher
                                   (HAPPENINGS_MODELS_URL, default https://huggingface.co), verify each
                                   file's size and checksum, and put it in place. Interrupted, the next
                                   run resumes. The repository is Xenova/opus-mt-<from>-<to> unless
                                   --repo names another (a guess of names: see docs/translation.md)
  models remove <from>-<to>        delete an installed model (and any unfinished download of it)

Models live in HAPPENINGS_MODELS_DIR (default ./data/models), one folder per pair.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('models', args, { repo: { type: 'string' } });
    const [verb, pair, ...extra] = positionals;
    if (extra.length) throw usageError('models', `unexpected ${extra.join(' ')}`);
    const config = loadConfig();
    switch (verb) {
      case 'list':
        return listModels(config.modelsDir);
      case 'add':
        if (!pair) throw usageError('models', 'add needs a pair, e.g. de-en');
        return add(config, pair, values.repo);
      case 'remove': {
        if (!pair) throw usageError('models', 'remove needs a pair, e.g. de-en');
        await removeModel(config.modelsDir, pair);
        process.stdout.write(`removed ${pair}\n`);
        return 0;
      }
      default:
        throw usageError('models', verb ? `unknown verb "${verb}"` : 'say list, add or remove');
    }
  },
};

async function listModels(modelsDir: string): Promise<number> {
  const installed = await installedModels(modelsDir);
  const incoming = await incomingModels(modelsDir);
  if (installed.length === 0 && incoming.length === 0)
    process.stdout.write(`no models installed in ${modelsDir} (happenings models add de-en)\n`);
  for (const m of installed) process.stdout.write(`${modelLine(m)}\n`);
  for (const m of incoming)
    process.stdout.write(
      `${m.pair}  downloading: ${megabytes(m.bytes)} so far (happenings models add ${m.pair} resumes)\n`,
    );
  return 0;
}

/** "de-en  105.2 MB  Xenova/opus-mt-de-en @ 1a2b3c4  installed 2026-12-07T01:02:03.000Z" */
export function modelLine(m: InstalledModel): string {
  const source = m.repo ? `${m.repo} @ ${m.revision.slice(0, 7)}` : 'placed by hand (local)';
  return `${m.pair}  ${megabytes(m.sizeBytes)}  ${source}${m.installedAt ? `  installed ${m.installedAt}` : ''}`;
}

async function add(config: Config, pair: string, repo: string | undefined): Promise<number> {
  const publisher = createPublisher({
    baseUrl: config.modelsUrl,
    allowPrivate: config.allowPrivateHosts,
    userAgent: `Happenings/0.1 (+${config.contactUrl})`,
  });
  const progress = progressPrinter(process.stderr.isTTY === true);
  // Ctrl-C: the .part files stay where they are; say how to go on.
  const interrupted = () => {
    process.stderr.write(`\nmodels: interrupted; run happenings models add ${pair} again to resume\n`);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    const { manifest, changed } = await addModel({
      modelsDir: config.modelsDir,
      pair,
      ...(repo ? { repo } : {}),
      publisher,
      onEvent: progress,
    });
    const where = `${config.modelsDir}/${manifest.pair}`;
    process.stdout.write(
      changed
        ? `installed ${manifest.pair}: ${manifest.repo} @ ${manifest.revision.slice(0, 7)} in ${where} (licence ${manifest.licence})\n`
        : `${manifest.pair} is up to date (${manifest.repo} @ ${manifest.revision.slice(0, 7)})\n`,
    );
    return 0;
  } finally {
    process.off('SIGINT', interrupted);
    await publisher.close();
  }
}

/**
 * On a terminal one line rewritten in place (file, bytes, %, rate); otherwise a line per file as it
 * starts and as it is verified, for logs.
 */
function progressPrinter(tty: boolean): (event: AddEvent) => void {
  let started = Date.now();
  let from = 0;
  let lastDraw = 0;
  return (event) => {
    switch (event.kind) {
      case 'pinned':
        process.stderr.write(
          `models: ${event.pair} from ${event.repo} @ ${event.revision.slice(0, 7)}: ${event.files.length} files, ${megabytes(event.files.reduce((n, f) => n + f.size, 0))}\n`,
        );
        break;
      case 'file':
        started = Date.now();
        from = event.resumedFrom;
        if (!tty)
          process.stderr.write(
            `models: downloading ${event.path} (${megabytes(event.size)}${event.resumedFrom ? `, resuming at ${megabytes(event.resumedFrom)}` : ''})\n`,
          );
        break;
      case 'bytes': {
        const now = Date.now();
        if (!tty || (now - lastDraw < 200 && event.done < event.size)) break;
        lastDraw = now;
        const rate = (event.done - from) / Math.max((now - started) / 1000, 0.001);
        const percent = event.size ? Math.floor((event.done / event.size) * 100) : 100;
        process.stderr.write(
          `\r\x1b[K${event.path}: ${megabytes(event.done)} of ${megabytes(event.size)} ${percent}% ${megabytes(rate)}/s`,
        );
        break;
      }
      case 'verified':
        process.stderr.write(`${tty ? '\r\x1b[K' : ''}models: ${event.path} verified (${megabytes(event.size)})\n`);
        break;
    }
  };
}

function megabytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  return bytes < 100_000 ? `${(bytes / 1000).toFixed(1)} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`;
}
