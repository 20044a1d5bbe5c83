import type { Command } from '../main.ts';
import { parseArgs } from '../args.ts';
import { latestDecision, openCliRecords, print, resolveDocument, signIn } from '../record.ts';
import { submitDecision } from '../../core/workflow/decisions.ts';
import { recordsCliMessages as m, stateLabels } from '../../../shared/messages/records.ts';

const usage = m.submitUsage;

export const command: Command = {
  summary: m.submitSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db'] }, usage);
    const ctx = openCliRecords(args);
    try {
      const decision = latestDecision(ctx, resolveDocument(ctx, args.positionals[0], usage));
      const { actor } = await signIn(ctx, args, usage);
      const after = submitDecision(ctx, actor, decision.id);
      print(m.moved(after.id, stateLabels[after.state]) + (after.reviewRequired ? m.needsReview : m.mayGoToSigner));
      return 0;
    } finally {
      ctx.store.close();
    }
  },
};
