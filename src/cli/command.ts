/** What every command file in src/cli/ exports. */
export interface Command {
  /** One line for `happenings --help`. */
  summary: string;
  /** Full text for `happenings <command> --help`. */
  usage: string;
  /** Runs the command; returns the exit code. Throws HappeningsError for a clear one-line failure. */
  run(args: string[]): Promise<number>;
}
