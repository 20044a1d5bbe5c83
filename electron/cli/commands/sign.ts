import type { Command } from '../main.ts';
import { parseArgs } from '../args.ts';
import { latestDecision, print, resolveDocument, withRecord } from '../record.ts';
import { attribute } from '../../../shared/attributes.ts';
import { recordsCliMessages as m } from '../../../shared/messages/records.ts';

const usage = m.signUsage;

export const command: Command = {
  summary: m.signSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db'], flags: ['json'] }, usage);
    return withRecord(args, usage, async ({ api, ctx, signIn }) => {
      const decisionId = latestDecision(ctx, resolveDocument(ctx, args.positionals[0], usage));
      const { password } = await signIn();
      const signOff = await api.signDecision({ decisionId, password });
      if (args.flags.json) {
        const { decision: _view, ...rest } = signOff;
        print(JSON.stringify(rest, null, 2));
      } else {
        const s = signOff.statement;
        print(m.signed(s.decisionId, s.documentSha256, attribute(s.attribute).label, s.reason, s.seq));
        print(m.signature(signOff.keyFingerprint, signOff.signature));
      }
      return 0;
    });
  },
};
