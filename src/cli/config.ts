import { describeConfig, loadConfig } from '../config.js';
import type { Command } from './command.js';

export const command: Command = {
  usage: `Usage: happenings config

Prints every option as ENV_NAME=value with its description. Values come from the environment,
else the JSON file named by HAPPENINGS_CONFIG (default ./happenings.json), else the defaults.`,
  async run() {
    process.stdout.write(`${describeConfig(loadConfig()).join('\n')}\n`);
    return 0;
  },
};
