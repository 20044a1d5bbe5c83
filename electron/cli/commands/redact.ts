import path from 'node:path';
import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { openCliRecords, print, resolveDocument, signIn } from '../record.ts';
import { exportRedacted } from '../../core/exports/redaction-export.ts';
import { readSettings } from '../../core/workflow/settings.ts';
import { closeIntake, extractFile } from '../../core/intake/index.ts';
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
    const ctx = openCliRecords(args);
    try {
      const documentId = resolveDocument(ctx, args.positionals[0], usage);
      const signedId = ctx.store.documents.get(documentId)!.signedDecisionId ?? fail('not-signed', m.nothingSigned(documentId));
      const { actor } = await signIn(ctx, args, usage);
      const limits = readSettings(ctx.store).limits;
      const result = await exportRedacted(ctx, actor, signedId, out, format, (f) => extractFile(f, limits));
      print(m.redacted(result.path, result.marks));
      return 0;
    } finally {
      ctx.store.close();
      await closeIntake();
    }
  },
};
