import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { latestDecision, print, resolveDocument, withRecord } from '../record.ts';
import { recordsCliMessages as m, stateLabels } from '../../../shared/messages/records.ts';

const usage = m.reviewUsage;

export const command: Command = {
  summary: m.reviewSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db', 'reason', 'comment'], flags: ['approve', 'return'] }, usage);
    if (args.flags.approve === args.flags.return) throw usageError(m.approveOrReturn, usage);
    const reason = args.flags.return ? required(args, 'reason', usage) : null;
    return withRecord(args, usage, async ({ api, ctx, signIn }) => {
      const decisionId = latestDecision(ctx, resolveDocument(ctx, args.positionals[0], usage));
      await signIn();
      const after = reason !== null ? await api.returnDecision({ decisionId, reason }) : await api.approveDecision({ decisionId, comment: args.values.comment });
      print(m.moved(after.id, stateLabels[after.state]));
      return 0;
    });
  },
};
