import type { Command } from '../main.ts';
import { parseArgs, usageError } from '../args.ts';
import { print, withRecord } from '../record.ts';
import { inspectionGuardMessages } from '../../../shared/messages/inspection.ts';

const m = inspectionGuardMessages.cli;
const usage = m.settingsUsage;

/** The settings an admin sets from the command line; each goes through the handler the 设置 page uses. */
const settable = ['unit-name'] as const;

export const command: Command = {
  summary: m.settingsSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db'] }, usage);
    const [sub, key, ...values] = args.positionals;
    if (sub !== 'set') throw usageError(m.unknownSettingsSubcommand(sub ?? ''), usage);
    if (!(settable as readonly string[]).includes(key ?? '')) throw usageError(m.unknownSetting(key ?? '', settable), usage);
    if (values.length !== 1 || values[0]!.trim() === '') throw usageError(m.needOneValue(key!), usage);
    return withRecord(args, usage, async ({ api, signIn }) => {
      await signIn();
      const config = await api.setUnitName({ name: values[0]! });
      print(inspectionGuardMessages.unitNameSet(config.unitName));
      return 0;
    });
  },
};
