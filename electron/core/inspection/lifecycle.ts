import { appendEntry } from '../ledger/chain.ts';
import type { Actor, Context } from '../kernel/context.ts';
import { requireRole } from '../kernel/context.ts';
import { saveDecision, submitDecision } from '../workflow/decisions.ts';
import { signedDecision } from '../ledger/signed.ts';
import type { DecisionRecord } from '../db/decisions.ts';
import { fail, isCoreError } from '../errors.ts';
import { actingRole, inspectionOf, today, type InspectionRecord } from './context.ts';
import { readInspectionConfig } from './config.ts';
import { listCandidate, type Candidate, type Listing } from './rules.ts';
import { inspectionItemsSha256 } from '../ledger/evidence.ts';
import { canonicalJson } from '../../../shared/canonical.ts';
import { annualFiguresFor } from './annual.ts';
import type { ItemRow } from '../db/inspection.ts';
import { attribute as attributeInfo } from '../../../shared/attributes.ts';
import type { Attribute } from '../../../shared/types.ts';
import { defaultChannel } from '../../../shared/channels.ts';
import type { DecisionInput, Disposition } from '../../../shared/ipc/records.ts';
import {
  inspectionOutcomes,
  worklistRules,
  type InspectionOutcome,
  type InspectionStatus,
  type InspectionSummary,
  type ItemProgress,
  type ProposeInput,
  type ProposeResult,
  type WorklistFilter,
  type WorklistItem,
  type WorklistPage,
  type WorklistRule,
} from '../../../shared/ipc/inspection.ts';
import { inspectionGuardMessages as guard, inspectionMessages as m, inspectionOutcomeLabels } from '../../../shared/messages/inspection.ts';
import { firstInspectionYear, isInspectionYear } from '../../../shared/inspection-years.ts';

/** The disclosure office (政务公开工作机构) runs the inspection; an admin may stand in. */
const officeRoles = ['reviewer', 'admin'] as const;

export const inspectionActions = { open: 'inspection.open', listed: 'inspection.listed', propose: 'inspection.propose', close: 'inspection.close', export: 'inspection.export' } as const;

export const progressOf = (i: Pick<ItemRow, 'outcome' | 'newDecisionState'>): ItemProgress => (i.outcome === null ? 'pending' : i.newDecisionState === 'signed' ? 'done' : 'proposed');

/** What the summary needs of an item; a bundle's items carry the same, so an importer can recount them. */
interface SummaryInput {
  rules: readonly WorklistRule[];
  attribute: Attribute;
  outcome: InspectionOutcome | null;
  newAttribute: Attribute | null;
  progress: ItemProgress;
}

export const withProgress = (items: readonly ItemRow[]): (ItemRow & { progress: ItemProgress })[] => items.map((i) => ({ ...i, progress: progressOf(i) }));

export function summarise(items: readonly SummaryInput[]): InspectionSummary {
  const s: InspectionSummary = {
    progress: { total: items.length, pending: 0, proposed: 0, done: 0 },
    byRule: Object.fromEntries(worklistRules.map((r) => [r, 0])) as InspectionSummary['byRule'],
    byAttribute: { proactive: 0, partial: 0, 'on-request': 0, withheld: 0 },
    byOutcome: { keep: 0, proactive: 0, partial: 0 },
    converted: { toProactive: 0, toPartial: 0 },
  };
  for (const i of items) {
    const progress = i.progress;
    s.progress[progress]++;
    for (const r of i.rules) s.byRule[r]++;
    s.byAttribute[i.attribute]++;
    if (i.outcome) s.byOutcome[i.outcome]++;
    if (progress === 'done' && i.newAttribute !== i.attribute) {
      if (i.newAttribute === 'proactive') s.converted.toProactive++;
      if (i.newAttribute === 'partial') s.converted.toPartial++;
    }
  }
  return s;
}

export const toWorklistItem = (i: ItemRow): WorklistItem => {
  const { newAttribute: _newAttribute, ...rest } = i;
  return { ...rest, progress: progressOf(i) };
};

function requireInspection(ctx: Context, year: number): InspectionRecord {
  return inspectionOf(ctx, year) ?? fail('no-inspection', m.noInspection(year));
}

function requireOpen(ctx: Context, year: number): InspectionRecord {
  const rec = requireInspection(ctx, year);
  if (rec.state === 'closed') fail('inspection-closed', m.closedLocked(year));
  return rec;
}

/**
 * Lists every document the rules catch that is not on the list yet and refreshes items still waiting
 * for an outcome (request counts grow during November). Listed items are never dropped. Runs inside a write.
 */
function syncWorklist(ctx: Context, rec: InspectionRecord): { added: number; items: ItemSnapshot[] } {
  const db = ctx.store.inspection;
  const counts = ctx.store.requests.countsByDocument(`${rec.year}-01-01`, `${rec.year}-12-31`);
  const listed = db.itemOutcomes(rec.year);
  let added = 0;
  const items: ItemSnapshot[] = [];
  for (const row of db.candidates()) {
    const c: Candidate = { ...row, requestCount: counts.get(row.documentId) ?? 0 };
    const listing = listCandidate(c, rec.config, rec.asOf);
    if (!listing) continue;
    const snapshot = itemSnapshot(c, listing);
    if (!listed.has(c.documentId)) {
      db.insertItem(rec.year, snapshot);
      items.push(snapshot);
      added++;
    } else if (listed.get(c.documentId) === null) {
      const before = db.item(rec.year, c.documentId)!;
      db.refreshItem(rec.year, snapshot);
      const { documentId: _d, ...columns } = snapshot;
      if (canonicalJson(columns) !== canonicalJson({ decisionId: before.decisionId, rules: before.rules, requestCount: before.requestCount, secrecyEnds: before.secrecyEnds, suggested: before.suggested, suggestionReason: before.suggestionReason })) items.push(snapshot);
    }
  }
  return { added, items };
}

/** The columns a listing writes: every listing and refresh goes into the chain with them, so verify can hold the 台账 to it. */
type ItemSnapshot = Pick<Candidate, 'documentId' | 'decisionId' | 'requestCount'> & Listing;
const itemSnapshot = (c: Candidate, l: Listing): ItemSnapshot => ({ documentId: c.documentId, decisionId: c.decisionId, rules: l.rules, requestCount: c.requestCount, secrecyEnds: l.secrecyEnds, suggested: l.suggested, suggestionReason: l.suggestionReason });

function logListing(ctx: Context, year: number, items: ItemSnapshot[]): void {
  if (items.length > 0) appendEntry(ctx.store, { user: null, role: null, action: inspectionActions.listed, payload: { year, items } }, ctx.now());
}

export function inspectionStatus(ctx: Context, year: number): InspectionStatus {
  let rec = inspectionOf(ctx, year);
  if (!rec) return { year, state: 'none', config: readInspectionConfig(ctx), openedAt: null, openedBy: null, closedAt: null, closedBy: null, summary: null, closeSeq: null };
  if (rec.state === 'open') {
    const open = rec;
    ctx.store.write(() => logListing(ctx, year, syncWorklist(ctx, open).items));
    rec = inspectionOf(ctx, year)!;
  }
  return {
    year,
    state: rec.state,
    config: rec.config,
    openedAt: rec.openedAt,
    openedBy: rec.openedBy,
    closedAt: rec.closedAt,
    closedBy: rec.closedBy,
    summary: rec.summary ?? summarise(withProgress(ctx.store.inspection.allItems(year))),
    closeSeq: rec.closeSeq,
  };
}

export function openInspection(ctx: Context, actor: Actor, year: number): InspectionStatus {
  const role = actingRole(actor, officeRoles);
  const day = today(ctx);
  const currentYear = Number(day.slice(0, 4));
  if (!isInspectionYear(year, currentYear)) fail('invalid', guard.yearOutOfRange(year, firstInspectionYear, currentYear));
  const db = ctx.store.inspection;
  ctx.store.write(() => {
    if (db.get(year)) fail('inspection-exists', m.alreadyOpen(year));
    const config = readInspectionConfig(ctx);
    const asOf = day < `${year}-12-31` ? day : `${year}-12-31`;
    const now = ctx.now();
    db.insert({ year, config: JSON.stringify(config), openedBy: actor.name, openedAt: now, asOf });
    const rec = inspectionOf(ctx, year)!;
    const listed = syncWorklist(ctx, rec);
    const summary = summarise(withProgress(db.allItems(year)));
    appendEntry(ctx.store, { user: actor.name, role, action: inspectionActions.open, payload: { year, asOf, config, listed: listed.added, byRule: summary.byRule, items: listed.items } }, now);
  });
  return inspectionStatus(ctx, year);
}

export function worklist(ctx: Context, filter: WorklistFilter): WorklistPage {
  requireInspection(ctx, filter.year);
  const db = ctx.store.inspection;
  const page = db.items(filter);
  return { items: page.items.map(toWorklistItem), total: page.total, progress: db.counts(filter.year) };
}

const reasonBasis: Record<Exclude<InspectionOutcome, 'keep'>, string[]> = {
  proactive: ['条例第十三条'],
  partial: ['条例第三十七条'],
};

/** The new decision an outcome asks for, built on the decision in force. */
function outcomeInput(year: number, item: ItemRow, previous: DecisionRecord, outcome: InspectionOutcome, justification: string): DecisionInput {
  const justify = m.proposalReason(year, inspectionOutcomeLabels[outcome], justification);
  if (outcome === 'keep') {
    return {
      documentId: item.documentId,
      attribute: previous.attribute,
      reason: previous.reason,
      basis: previous.basis,
      basisText: previous.basisText,
      justification: justify,
      dispositions: previous.dispositions,
      redactions: previous.redactions,
      channels: previous.channels,
      channelText: previous.channelText,
    };
  }
  const target: Attribute = outcome;
  // A withheld concern becomes a redaction for partial release, or is set aside for proactive release.
  const dispositions: Disposition[] = previous.dispositions.map((d) =>
    d.action === 'dismiss' ? d : target === 'partial' ? { ...d, action: 'redact', reason: d.reason } : { findingId: d.findingId, action: 'dismiss', reason: justify },
  );
  return {
    documentId: item.documentId,
    attribute: target,
    reason: outcome === item.suggested ? item.suggestionReason : justify,
    basis: target === 'proactive' && item.rules.includes('often-requested') ? [...reasonBasis.proactive, '条例第四十四条'] : reasonBasis[outcome],
    basisText: '',
    justification: justify,
    dispositions,
    redactions: target === 'partial' ? previous.redactions : [],
    // A withheld document never had a channel; a converted one is published where proactive information goes first.
    channels: previous.channels.length > 0 ? previous.channels : [defaultChannel],
    channelText: previous.channelText,
  };
}

/**
 * One justification written onto items with different outcomes reads as a reason for each of them; the proposer
 * must confirm that it fits (sameJustification) or propose each outcome apart.
 */
function refuseMixedOutcomes(ctx: Context, input: ProposeInput): void {
  const counts = new Map<InspectionOutcome, number>();
  for (const documentId of new Set(input.documentIds)) {
    const item = ctx.store.inspection.item(input.year, documentId);
    if (!item || item.outcome !== null) continue;
    const outcome = input.outcome ?? item.suggested;
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  if (counts.size < 2) return;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const byOutcome = inspectionOutcomes.filter((o) => counts.has(o)).map((o) => guard.outcomeCount(inspectionOutcomeLabels[o], counts.get(o)!)).join('，');
  fail('mixed-outcomes', guard.mixedOutcomes(total, byOutcome));
}

/**
 * Records an outcome for each listed document as a new decision that supersedes the one in force, in the
 * normal workflow (drafted by the actor, then reviewed and signed). Items that cannot take it are skipped with the reason.
 */
export function proposeOutcomes(ctx: Context, actor: Actor, input: ProposeInput): ProposeResult {
  requireRole(actor, 'drafter');
  requireOpen(ctx, input.year);
  const db = ctx.store.inspection;
  const result: ProposeResult = { proposed: [], skipped: [] };
  const justification = input.justification.trim();
  if (!input.sameJustification) refuseMixedOutcomes(ctx, input);
  ctx.store.write(() => {
    for (const documentId of new Set(input.documentIds)) {
      try {
        ctx.store.write(() => {
          const item = db.item(input.year, documentId) ?? fail('not-listed', m.notOnWorklist(documentId));
          if (item.newDecisionId !== null) fail('already-proposed', m.openDecision(documentId, item.newDecisionId));
          const current = ctx.store.decisions.latestForDocument(documentId)!;
          if (current.state !== 'signed') fail('open-decision', m.openDecision(documentId, current.id));
          // The new decision builds on the one in force as it was signed, proven against the chain.
          const latest = signedDecision(ctx, current.id).decision;
          const outcome = input.outcome ?? item.suggested;
          if (outcome !== 'keep' && outcome === latest.attribute) fail('invalid', m.sameAttribute(attributeInfo(outcome).label));
          const view = saveDecision(ctx, actor, outcomeInput(input.year, item, latest, outcome, justification));
          const now = ctx.now();
          db.recordOutcome({ year: input.year, documentId, outcome, justification, newDecisionId: view.id, proposedBy: actor.name, proposedAt: now });
          appendEntry(
            ctx.store,
            { user: actor.name, role: 'drafter', action: inspectionActions.propose, documentSha256: view.documentSha256, decisionId: view.id, payload: { year: input.year, outcome, justification, supersedes: latest.id, rules: item.rules } },
            now,
          );
          if (input.submit ?? true) {
            try {
              submitDecision(ctx, actor, view.id);
            } catch (error) {
              if (!isCoreError(error) || error.code !== 'incomplete') throw error;
            }
          }
          result.proposed.push({ documentId, decisionId: view.id });
        });
      } catch (error) {
        if (!isCoreError(error)) throw error;
        result.skipped.push({ documentId, message: error.message });
      }
    }
  });
  return result;
}

/** Closes the inspection once every item is signed off; the summary and the year's figures are frozen with it. */
export function closeInspection(ctx: Context, actor: Actor, year: number): InspectionStatus {
  const role = actingRole(actor, officeRoles);
  const db = ctx.store.inspection;
  ctx.store.write(() => {
    const rec = requireOpen(ctx, year);
    logListing(ctx, year, syncWorklist(ctx, rec).items);
    const summary = summarise(withProgress(db.allItems(year)));
    const unfinished = summary.progress.pending + summary.progress.proposed;
    if (unfinished > 0) fail('items-pending', m.itemsPending(year, unfinished));
    const annual = annualFiguresFor(ctx, year);
    const now = ctx.now();
    const itemsSha256 = inspectionItemsSha256([...ctx.store.evidence.rows('inspection_items')].filter((r) => r.year === year));
    const entry = appendEntry(ctx.store, { user: actor.name, role, action: inspectionActions.close, payload: { year, summary, annual, itemsSha256 } }, now);
    db.close({ year, closedBy: actor.name, closedAt: now, closeSeq: entry.seq, summary: JSON.stringify(summary), annual: JSON.stringify(annual) });
  });
  return inspectionStatus(ctx, year);
}
