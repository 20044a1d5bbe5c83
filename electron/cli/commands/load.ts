import path from 'node:path';
import type { Command } from '../main.ts';
import { parseArgs, usageError } from '../args.ts';
import { print, withRecord } from '../record.ts';
import { createAnalyzer } from '../../core/register/analyzer.ts';
import { importFile } from '../../core/register/import-jobs.ts';
import { documentFiles } from '../../core/intake/walk.ts';
import { attribute } from '../../../shared/attributes.ts';
import { recordsCliMessages as m } from '../../../shared/messages/records.ts';

const usage = m.loadUsage;

export const command: Command = {
  summary: m.loadSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db', 'lexicon'], flags: ['json'] }, usage);
    if (args.positionals.length === 0) throw usageError(m.loadWhich, usage);
    return withRecord(args, usage, async ({ ctx, signIn }) => {
      const { actor } = await signIn();
      // One file after another, each reported as it lands; the app's channels run the same importFile in a background job.
      const analyzer = createAnalyzer({ lexiconDir: args.values.lexicon });
      let failures = 0;
      try {
        for (const file of documentFiles(args.positionals.map((p) => path.resolve(p))).files) {
          const result = await importFile(ctx, actor, analyzer, file);
          if (args.flags.json) print(JSON.stringify({ file, ...result }));
          else if (result.ok) {
            const doc = ctx.store.documents.row(result.outcome.documentId)!;
            print(m.loaded(path.basename(file), doc.id, doc.sha256, result.outcome.existing, attribute(doc.suggestedAttribute).label));
            if (result.outcome.classifiedWarning) print(`  ${result.outcome.classifiedWarning}`);
          } else print(m.loadFailed(path.basename(file), result.code, result.message));
          if (!result.ok) failures++;
        }
      } finally {
        await analyzer.close();
      }
      return failures === 0 ? 0 : 1;
    });
  },
};
