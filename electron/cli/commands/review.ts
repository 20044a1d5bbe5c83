import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { latestDecision, openCliRecords, print, resolveDocument, signIn } from '../record.ts';
import { approveDecision, returnDecision } from '../../core/workflow/decisions.ts';
import { recordsCliMessages as m, stateLabels } from '../../../shared/messages/records.ts';

const usage = m.reviewUsage;

export const command: Command = {
  summary: m.reviewSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db', 'reason', 'comment'], flags: ['approve', 'return'] }, usage);
    if (args.flags.approve === args.flags.return) throw usageError(m.approveOrReturn, usage);
    const reason = args.flags.return ? required(args, 'reason', usage) : null;
    const ctx = openCliRecords(args);
    try {
      const decision = latestDecision(ctx, resolveDocument(ctx, args.positionals[0], usage));
      const { actor } = await signIn(ctx, args, usage);
      const after = reason !== null ? returnDecision(ctx, actor, decision.id, reason) : approveDecision(ctx, actor, decision.id, args.values.comment ?? null);
      print(m.moved(after.id, stateLabels[after.state]));
      return 0;
    } finally {
      ctx.store.close();
    }
  },
};
