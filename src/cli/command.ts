/** What every command file in src/cli/ exports (its one-line summary is in main.ts, read without loading it). */
export interface Command {
  /** Full text for `happenings <command> --help`. */
  usage: string;
  /** Runs the command; returns the exit code. Throws HappeningsError for a clear one-line failure. */
  run(args: string[]): Promise<number>;
}
