import type { Command } from '../main.ts';
import { parseArgs, required } from '../args.ts';
import { latestDecision, print, resolveDocument, withRecord } from '../record.ts';
import { formsMessages as m } from '../../../shared/messages/forms.ts';

const usage = m.formUsage;

export const command: Command = {
  summary: m.formSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['out', 'as', 'db'] }, usage);
    const out = required(args, 'out', usage);
    return withRecord(args, usage, async ({ api, ctx, signIn }) => {
      const decisionId = latestDecision(ctx, resolveDocument(ctx, args.positionals[0], usage));
      await signIn();
      const result = await api.exportReviewForm({ decisionId, path: out });
      print(m.formWritten(result.path, result.decisionId));
      return 0;
    });
  },
};
