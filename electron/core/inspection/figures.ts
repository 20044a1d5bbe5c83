import { attribute as attributeInfo } from '../../../shared/attributes.ts';
import { applicantOf } from '../../../shared/inspection-terms.ts';
import { applicantTypes, requestOutcomes, type AnnualFigures, type ApplicantType, type OutcomeCount, type RequestOutcome } from '../../../shared/ipc/inspection.ts';
import type { SignStatement } from '../../../shared/ipc/records.ts';
import { returnGrounds, type ReturnGround } from '../../../shared/return-grounds.ts';
import type { Attribute, CategoryId } from '../../../shared/types.ts';
import { outcomeRows } from '../../../shared/messages/inspection.ts';
import { withheldGroundOf } from './report-rows.ts';
import { withheldGrounds, type WithheldGround } from '../../../shared/annual-template.ts';
import { annualTemplateMessages } from '../../../shared/messages/annual-report.ts';
import { isCaseFile } from '../../../shared/publication-rules.ts';
import { requestActions, type RequestAddedPayload, type RequestAnsweredPayload } from '../requests/events.ts';

/** The audit actions the annual figures are read from. */
export const figureActions = ['document.load', 'decision.sign', 'decision.return', requestActions.add, requestActions.answer] as const;

interface FigureEntry {
  seq: number;
  time: string;
  action: string;
  documentSha256: string | null;
  payload: string;
}

/** The calendar day of an audit timestamp on this computer's clock (an office's year ends at its own midnight). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const zeroAttributes = (): Record<Attribute, number> => ({ proactive: 0, partial: 0, 'on-request': 0, withheld: 0 });
const zeroApplicants = (): Record<ApplicantType, number> => Object.fromEntries(applicantTypes.map((a) => [a, 0])) as Record<ApplicantType, number>;

/**
 * 条例第五十条 figures for one calendar year, folded over the audit entries in chain order: decisions by
 * the sign-off entries, withheld items by the national table's rows, requests by their register entries.
 */
export function annualFigures(year: number, entries: Iterable<FigureEntry>): AnnualFigures {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const classified = new Set<string>();
  const titles = new Map<string, string | null>();
  const inForce = new Map<string, Attribute>();
  const signedByAttribute = zeroAttributes();
  // A document re-confirmed as withheld (e.g. "keep" at the November inspection) is one item, not two.
  const withheldGroundByDocument = new Map<string, WithheldGround>();
  let madeMoreOpen = 0;
  const added = new Map<number, RequestAddedPayload>();
  const answered = new Map<number, RequestAnsweredPayload>();
  let returnsTotal = 0;
  const returnsByGround = new Map<ReturnGround, number>();
  let count = 0;
  let lastSeq: number | null = null;

  for (const e of entries) {
    count++;
    lastSeq = e.seq;
    const payload = JSON.parse(e.payload) as unknown;
    if (e.action === 'document.load') {
      const p = payload as { existing: boolean; classification: string | null; title?: string | null };
      if (!p.existing && e.documentSha256) titles.set(e.documentSha256, p.title ?? null);
      if (!p.existing && p.classification && e.documentSha256) classified.add(e.documentSha256);
    } else if (e.action === 'decision.sign') {
      const s = payload as SignStatement;
      const day = localDay(e.time);
      if (day > last) continue;
      const before = inForce.get(s.documentSha256);
      inForce.set(s.documentSha256, s.attribute);
      if (day < first) continue;
      signedByAttribute[s.attribute]++;
      if (before !== undefined && attributeInfo(s.attribute).openness > attributeInfo(before).openness) madeMoreOpen++;
      if (s.attribute === 'withheld') {
        const title = s.title ?? titles.get(s.documentSha256) ?? null;
        const ground = withheldGroundOf({ categories: s.categories as CategoryId[], basis: s.basis, classified: classified.has(s.documentSha256), caseFile: isCaseFile(title) });
        withheldGroundByDocument.set(s.documentSha256, ground);
      }
    } else if (e.action === 'decision.return') {
      const day = localDay(e.time);
      if (day < first || day > last) continue;
      returnsTotal++;
      for (const g of (payload as { grounds?: ReturnGround[] }).grounds ?? []) returnsByGround.set(g, (returnsByGround.get(g) ?? 0) + 1);
    } else if (e.action === requestActions.add) {
      const p = payload as RequestAddedPayload;
      added.set(p.requestId, p);
    } else if (e.action === requestActions.answer) {
      const p = payload as RequestAnsweredPayload;
      answered.set(p.requestId, p);
    }
  }

  const received = { ...zeroApplicants(), total: 0 };
  let carriedIn = 0;
  let carriedOut = 0;
  let answeredCount = 0;
  let answeredLate = 0;
  const outcomeCounts = new Map<RequestOutcome, Record<ApplicantType, number>>(requestOutcomes.map((o) => [o, zeroApplicants()]));
  for (const [id, r] of added) {
    const answer = answered.get(id);
    if (r.receivedOn >= first && r.receivedOn <= last) {
      received[applicantOf(r.applicantType)]++;
      received.total++;
    }
    if (r.receivedOn < first && (!answer || answer.answeredOn >= first)) carriedIn++;
    if (r.receivedOn <= last && (!answer || answer.answeredOn > last)) carriedOut++;
    if (answer && answer.answeredOn >= first && answer.answeredOn <= last) {
      answeredCount++;
      if (answer.late) answeredLate++;
      outcomeCounts.get(answer.outcome)![applicantOf(r.applicantType)]++;
    }
  }
  const groundCounts = new Map<WithheldGround, number>();
  for (const ground of withheldGroundByDocument.values()) groundCounts.set(ground, (groundCounts.get(ground) ?? 0) + 1);
  const outcomes: OutcomeCount[] = requestOutcomes.map((outcome) => {
    const byApplicant = outcomeCounts.get(outcome)!;
    return { outcome, ...outcomeRows[outcome], byApplicant, total: applicantTypes.reduce((n, a) => n + byApplicant[a], 0) };
  });

  return {
    year,
    source: { entries: count, lastSeq },
    decisions: { signedByAttribute, inForceByAttribute: [...inForce.values()].reduce((acc, a) => (acc[a]++, acc), zeroAttributes()), madeMoreOpen },
    withheldByRow: withheldGrounds.map((g) => ({ row: g, label: annualTemplateMessages.withheldDocuments.labels[g], count: groundCounts.get(g) ?? 0 })),
    requests: { received, carriedIn, answered: answeredCount, carriedOut, answeredLate, outcomes },
    returns: { total: returnsTotal, byGround: returnGrounds.map((ground) => ({ ground, count: returnsByGround.get(ground) ?? 0 })) },
  };
}
