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
    throw new HappeningsError(
      'cli',
      'usage',
      `${command}: ${(error as Error).message} (see happenings ${command} --help)`,
    );
  }
}

export function usageError(command: string, message: string): HappeningsError {
  return new HappeningsError('cli', 'usage', `${command}: ${message} (see happenings ${command} --help)`);
}

/** The --db option every store command takes. */
export const dbOption = { db: { type: 'string' } } as const;
