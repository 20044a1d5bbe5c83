import type { Command } from '../main.ts';
import { parseArgs } from '../args.ts';
import { latestDecision, print, resolveDocument, withRecord } from '../record.ts';
import { recordsCliMessages as m, stateLabels } from '../../../shared/messages/records.ts';

const usage = m.submitUsage;

export const command: Command = {
  summary: m.submitSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db'] }, usage);
    return withRecord(args, usage, async ({ api, ctx, signIn }) => {
      const decisionId = latestDecision(ctx, resolveDocument(ctx, args.positionals[0], usage));
      await signIn();
      const after = await api.submitDecision({ decisionId });
      print(m.moved(after.id, stateLabels[after.state]) + (after.reviewRequired ? m.needsReview : m.mayGoToSigner));
      return 0;
    });
  },
};
