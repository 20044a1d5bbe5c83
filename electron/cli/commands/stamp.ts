import fs from 'node:fs';
import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { print, resolveDocument, withRecord } from '../record.ts';
import { fail } from '../../core/errors.ts';
import { formsMessages as m } from '../../../shared/messages/forms.ts';

const usage = m.stampUsage;

export const command: Command = {
  summary: m.stampSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['out', 'as', 'db', 'source'] }, usage);
    const out = required(args, 'out', usage);
    const ref = args.positionals[0];
    // The document named by its path is its own source; named by number or hash, the source must be given.
    const source = args.values.source ?? (ref && fs.existsSync(ref) ? ref : undefined);
    if (!source) throw usageError(m.stampNeedsSource, usage);
    return withRecord(args, usage, async ({ api, ctx, signIn }) => {
      const documentId = resolveDocument(ctx, ref, usage);
      const decisionId = ctx.store.documents.get(documentId)!.signedDecisionId ?? fail('not-signed', m.nothingSigned(documentId));
      await signIn();
      const result = await api.exportStamped({ decisionId, sourcePath: source, path: out });
      print(m.stamped(result.path, m.stampActions[result.action], result.note));
      return 0;
    });
  },
};
