/** Argument parsing shared by the commands: util.parseArgs, with usage errors as one clear line. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HappeningsError } from '../errors.js';

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new HappeningsError('cli', 'usage', `${command}: ${argsMessage(error)} (see happenings ${command} --help)`);
  }
}

/**
 * parseArgs' message, short: its unknown-option message goes on about positionals after '--' and ends
 * with an unbalanced quote (Node 20: as in '-- "--frob"), which read as a broken line.
 */
function argsMessage(error: unknown): string {
  const message = (error as Error).message;
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  return unknown ? `unknown option ${unknown[1]}` : message;
}

export function usageError(command: string, message: string): HappeningsError {
  return new HappeningsError('cli', 'usage', `${command}: ${message} (see happenings ${command} --help)`);
}

/** The --db option every store command takes. */
export const dbOption = { db: { type: 'string' } } as const;
