import path from 'node:path';
import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { print, resolveDocument, withRecord } from '../record.ts';
import { fail } from '../../core/errors.ts';
import { recordsCliMessages as m } from '../../../shared/messages/records.ts';

const usage = m.redactUsage;

export const command: Command = {
  summary: m.redactSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['out', 'as', 'db', 'format'] }, usage);
    const out = required(args, 'out', usage);
    const format = args.values.format ?? path.extname(out).slice(1).toLowerCase();
    if (format !== 'docx' && format !== 'txt') throw usageError(m.badFormat(format), usage);
    return withRecord(args, usage, async ({ api, ctx, signIn }) => {
      const documentId = resolveDocument(ctx, args.positionals[0], usage);
      const decisionId = ctx.store.documents.get(documentId)!.signedDecisionId ?? fail('not-signed', m.nothingSigned(documentId));
      await signIn();
      const result = await api.exportRedacted({ decisionId, path: out, format });
      print(m.redacted(result.path, result.marks));
      return 0;
    });
  },
};
