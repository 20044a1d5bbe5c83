import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { print, resolveDocument, withRecord } from '../record.ts';
import { documentKinds, type DocumentKind } from '../../../shared/publication-rules.ts';
import type { PublicationProfile } from '../../../shared/ipc/publication.ts';
import { documentKindLabels, publicationMessages } from '../../../shared/messages/publication.ts';

const m = publicationMessages.cli;
const usage = m.linkUsage;
const kindChoices = [...documentKinds, 'auto'] as const;

export const command: Command = {
  summary: m.linkSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db', 'to', 'reason', 'kind', 'kind-reason'], flags: ['none', 'json'] }, usage);
    const kind = args.values.kind;
    if (kind !== undefined && !(kindChoices as readonly string[]).includes(kind)) throw usageError(m.badChoice('--kind', kind, kindChoices), usage);
    if (args.values.to && args.flags.none) throw usageError(m.toAndNone, usage);
    if (!args.values.to && !args.flags.none && kind === undefined) throw usageError(m.nothingToDo, usage);
    const kindReason = kind === undefined ? '' : required(args, 'kind-reason', usage);
    const reason = args.flags.none ? required(args, 'reason', usage) : '';
    return withRecord(args, usage, async ({ api, ctx, signIn }) => {
      const documentId = resolveDocument(ctx, args.positionals[0], usage);
      const interpretationId = args.values.to ? resolveDocument(ctx, args.values.to, usage) : null;
      await signIn();
      const name = () => ctx.store.documents.row(documentId)?.title ?? String(documentId);
      let profile: PublicationProfile | null = null;
      // The kind first: whether a 解读 is needed at all follows from it.
      if (kind !== undefined) {
        profile = await api.setDocumentKind({ documentId, kind: kind === 'auto' ? null : (kind as DocumentKind), reason: kindReason });
        if (!args.flags.json) print(m.kindSet(name(), documentKindLabels[profile.kind]));
      }
      if (interpretationId !== null) {
        profile = await api.linkInterpretation({ documentId, interpretationId });
        if (!args.flags.json) print(m.linked(name(), ctx.store.documents.row(interpretationId)?.title ?? String(interpretationId)));
      } else if (args.flags.none) {
        profile = await api.linkInterpretation({ documentId, interpretationId: null, reason });
        if (!args.flags.json) print(m.reasoned(name(), reason.trim()));
      }
      if (args.flags.json) print(JSON.stringify(profile, null, 2));
      return 0;
    });
  },
};
