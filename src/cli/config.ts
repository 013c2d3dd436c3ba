import { describeConfig, loadConfig, type Config } from '../config.js';
import {
  commonSourceLanguages,
  createTranslator,
  pairsInto,
  routeLine,
  translatorOptionsFromConfig,
} from '../pipeline/translate/index.js';
import type { Command } from './command.js';

export const command: Command = {
  usage: `Usage: happenings config

Prints every option as ENV_NAME=value with its description. Values come from the environment,
else the JSON file named by HAPPENINGS_CONFIG (default ./happenings.json), else the defaults.
Then, as # comment lines, which translation engine serves each common source language into
each site language, and by what route (model, version, pivot).`,
  async run() {
    const config = loadConfig();
    process.stdout.write(`${describeConfig(config).join('\n')}\n`);
    process.stdout.write(`${(await translationRoutes(config)).map((line) => `# ${line}`).join('\n')}\n`);
    return 0;
  },
};

/** The routes of the common source languages into the site languages, with the engines as configured. */
async function translationRoutes(config: Config): Promise<string[]> {
  const translator = createTranslator(translatorOptionsFromConfig(config));
  try {
    const routes = await translator.routes(pairsInto(commonSourceLanguages, config.languages));
    return [
      `translation (engines in order: ${config.translationEngines.join(', ')}):`,
      ...routes.map((r) => routeLine(r, config.translationEngines)),
    ];
  } finally {
    await translator.close();
  }
}
