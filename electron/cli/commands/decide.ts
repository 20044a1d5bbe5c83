import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { print, resolveDocument, withRecord } from '../record.ts';
import { attributeSchema, channelSchema, decisionInputSchema, type Disposition } from '../../../shared/ipc/records.ts';
import { channelMessages } from '../../../shared/messages/channels.ts';
import { spanBasis } from '../../../shared/basis.ts';
import type { Redaction } from '../../../shared/redaction.ts';
import { startingRedactions, withRedactDispositions } from '../../../shared/decision-rules.ts';
import type { Attribute, Finding } from '../../../shared/types.ts';
import { attribute as attributeInfo } from '../../../shared/attributes.ts';
import { recordsCliMessages as m, stateLabels } from '../../../shared/messages/records.ts';

const usage = m.decideUsage;
const spec = {
  values: ['as', 'db', 'attribute', 'reason', 'basis-text', 'justification', 'all', 'channel-text'],
  lists: ['basis', 'confirm', 'dismiss', 'redact', 'span', 'channel'],
  flags: ['accept-suggestion'],
};

/** `START:END[:BASIS]`; without a basis the span cites the article of the finding it covers (see `spanBasis`). */
function span(value: string, findings: readonly Finding[], decisionBasis: readonly string[]): Redaction {
  const match = /^(\d+):(\d+)(?::(.+))?$/.exec(value);
  if (!match) throw usageError(m.badSpan(value), usage);
  const at = { start: Number(match[1]), end: Number(match[2]) };
  return { ...at, basis: match[3] ?? spanBasis(at, findings, decisionBasis), findingId: null };
}

export const command: Command = {
  summary: m.decideSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, spec, usage);
    return withRecord(args, usage, async ({ api, ctx, signIn }) => {
      const documentId = resolveDocument(ctx, args.positionals[0], usage);
      const doc = ctx.store.documents.get(documentId)!;
      const suggestion = args.flags['accept-suggestion'] ? doc.suggestion : null;
      const chosen = args.values.attribute ?? suggestion?.attribute ?? required(args, 'attribute', usage);
      if (!attributeSchema.safeParse(chosen).success) throw usageError(m.unknownAttribute(chosen), usage);
      const attribute = chosen as Attribute;
      const dispositions = new Map<string, Disposition>();
      const all = args.values.all;
      if (all) {
        const [action, ...reason] = all.split('=');
        if (action !== 'confirm' && action !== 'redact' && action !== 'dismiss') throw usageError(m.badAll(all), usage);
        for (const f of doc.findings) if (!f.negated) dispositions.set(f.id, { findingId: f.id, action, reason: reason.join('=') });
      }
      for (const id of args.lists.confirm!) dispositions.set(id, { findingId: id, action: 'confirm', reason: '' });
      for (const id of args.lists.redact!) dispositions.set(id, { findingId: id, action: 'redact', reason: '' });
      for (const item of args.lists.dismiss!) {
        const [id, ...reason] = item.split('=');
        dispositions.set(id!, { findingId: id!, action: 'dismiss', reason: reason.join('=') });
      }
      const basis = args.lists.basis!.length > 0 ? args.lists.basis! : (suggestion?.basis ?? []);
      const redactions = [...(suggestion && attribute === 'partial' ? startingRedactions(suggestion, doc.findings) : []), ...args.lists.span!.map((s) => span(s, doc.findings, basis))];
      for (const c of args.lists.channel!) if (!channelSchema.safeParse(c).success) throw usageError(channelMessages.unknownChannel(c), usage);
      const input = decisionInputSchema.safeParse({
        documentId,
        attribute,
        reason: args.values.reason ?? suggestion?.reasons.join('；') ?? '',
        basis,
        basisText: args.values['basis-text'] ?? '',
        justification: args.values.justification ?? '',
        dispositions: withRedactDispositions(attribute, [...dispositions.values()], redactions),
        redactions,
        channels: args.lists.channel!,
        channelText: args.values['channel-text'] ?? '',
      });
      if (!input.success) throw usageError(input.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；'), usage);
      await signIn();
      const decision = await api.saveDecision(input.data);
      print(m.decided(decision.id, documentId, attributeInfo(decision.attribute).label, stateLabels[decision.state]));
      const open = doc.findings.filter((f) => !f.negated && !decision.dispositions.some((d) => d.findingId === f.id));
      for (const f of open) print(m.openFinding(f.id, f.term, f.score));
      if (decision.justificationNeeded.length > 0 && !decision.justification) print(m.needsJustification);
      return 0;
    });
  },
};
