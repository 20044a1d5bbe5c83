import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { latestDecision, print, resolveDocument, withRecord } from '../record.ts';
import { returnGroundSchema } from '../../../shared/ipc/records.ts';
import type { ReturnGround } from '../../../shared/return-grounds.ts';
import { recordsCliMessages as m, stateLabels } from '../../../shared/messages/records.ts';
import { channelMessages } from '../../../shared/messages/channels.ts';

const usage = m.reviewUsage;

export const command: Command = {
  summary: m.reviewSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db', 'reason', 'comment'], lists: ['ground'], flags: ['approve', 'return'] }, usage);
    if (args.flags.approve === args.flags.return) throw usageError(m.approveOrReturn, usage);
    const grounds = args.lists.ground!.map((g): ReturnGround => {
      const parsed = returnGroundSchema.safeParse(g);
      if (!parsed.success) throw usageError(channelMessages.unknownGround(g), usage);
      return parsed.data;
    });
    // A return with only a written reason is one on a ground the list does not name.
    const returning = args.flags.return ? { grounds: grounds.length > 0 ? grounds : (['other'] as ReturnGround[]), reason: grounds.length > 0 ? (args.values.reason ?? '') : required(args, 'reason', usage) } : null;
    return withRecord(args, usage, async ({ api, ctx, signIn }) => {
      const decisionId = latestDecision(ctx, resolveDocument(ctx, args.positionals[0], usage));
      await signIn();
      const after = returning !== null ? await api.returnDecision({ decisionId, ...returning }) : await api.approveDecision({ decisionId, comment: args.values.comment });
      print(m.moved(after.id, stateLabels[after.state]));
      return 0;
    });
  },
};
