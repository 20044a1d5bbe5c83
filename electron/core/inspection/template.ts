import { allCellKeys, cellKeys, isNaturalPerson, type AppealColumn, type AppealTrack, type RequestColumn, type RequestRow } from '../../../shared/annual-template.ts';
import { applicantTypes, type AnnualReport, type ApplicantType } from '../../../shared/ipc/inspection.ts';
import { applicantOf } from '../../../shared/inspection-terms.ts';
import type { SignStatement } from '../../../shared/ipc/records.ts';
import { annualTemplateMessages } from '../../../shared/messages/annual-report.ts';
import { isCaseFile, isRepeal, repealedTitles, reportKindOf, type DocumentKind, type ReportKind } from '../../../shared/publication-rules.ts';
import type { CategoryId } from '../../../shared/types.ts';
import { publicationActions, type KindSetPayload } from '../publication/events.ts';
import { requestActions, type RequestAddedPayload, type RequestAnsweredPayload, type RequestAppealPayload, type RequestAppealResultPayload } from '../requests/events.ts';
import { localDay } from './figures.ts';
import { withheldGroundOf } from './report-rows.ts';

const m = annualTemplateMessages.cli;

/** The audit actions the template is read from. */
export const templateActions = ['document.load', 'decision.sign', publicationActions.kind, requestActions.add, requestActions.answer, requestActions.appeal, requestActions.appealResult] as const;

interface TemplateEntry {
  seq: number;
  time: string;
  action: string;
  documentSha256: string | null;
  payload: string;
}

/** One audit entry behind a cell, named for a reader. */
interface TraceEntry {
  seq: number;
  time: string;
  action: string;
  subject: string;
}

/** The report and, per cell, the entries behind it. */
export interface TracedReport {
  report: AnnualReport;
  traces: Map<string, TraceEntry[]>;
}

/** Counts things (documents, requests, appeals) per cell, keeping the entries each was counted from. */
class Tally {
  readonly cells = new Map<string, Map<string, TraceEntry[]>>();
  count(key: string, thing: string, entries: TraceEntry[]): void {
    const things = this.cells.get(key) ?? new Map<string, TraceEntry[]>();
    things.set(thing, [...(things.get(thing) ?? []), ...entries]);
    this.cells.set(key, things);
  }
  value(key: string): number {
    return this.cells.get(key)?.size ?? 0;
  }
  trace(key: string): TraceEntry[] {
    const seen = new Map<number, TraceEntry>();
    for (const entries of this.cells.get(key)?.values() ?? []) for (const e of entries) seen.set(e.seq, e);
    return [...seen.values()].sort((a, b) => a.seq - b.seq);
  }
}

interface DocumentState {
  docNumber: string | null;
  title: string | null;
  classified: boolean;
  kindOverride: DocumentKind | null;
  overrideEntry: TraceEntry | null;
  /** The first sign-off that made the document public (proactive or partial), up to the year's end. */
  firstPublic: { day: string; entry: TraceEntry } | null;
  /** The latest withheld sign-off in the year. */
  withheld: { statement: SignStatement; entry: TraceEntry } | null;
}

/**
 * Tables 二, 三 and 四 of the 2021 national template for one calendar year, folded over the audit entries in chain order.
 *
 * Table 二 counts public 公文 (first signed proactive or partial) by the kind reportKindOf gives them; a repeal counts
 * under 本年废止 once per document it names, as the kind of the named document when the record holds it; 现行有效 is
 * made by the year's end and not repealed by then. Table 三 counts requests: received, carried in (received before
 * the year, unanswered at its start), answered in the year by outcome, carried out (unanswered at its end).
 * Table 四 counts each 复议/诉讼 open during the year (filed in it, or filed before and undecided at its start),
 * under its result if decided by the year's end, else 尚未审结.
 */
export function annualTemplate(year: number, entries: Iterable<TemplateEntry>): TracedReport {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const documents = new Map<string, DocumentState>();
  const doc = (sha: string): DocumentState => {
    let d = documents.get(sha);
    if (!d) documents.set(sha, (d = { docNumber: null, title: null, classified: false, kindOverride: null, overrideEntry: null, firstPublic: null, withheld: null }));
    return d;
  };
  const added = new Map<number, { p: RequestAddedPayload; entry: TraceEntry }>();
  const answered = new Map<number, { p: RequestAnsweredPayload; entry: TraceEntry }>();
  const appeals = new Map<number, { p: RequestAppealPayload; entry: TraceEntry }>();
  const results = new Map<number, { p: RequestAppealResultPayload; entry: TraceEntry }>();
  let count = 0;
  let lastSeq: number | null = null;

  for (const e of entries) {
    count++;
    lastSeq = e.seq;
    const payload = JSON.parse(e.payload) as Record<string, unknown>;
    const trace = (subject: string): TraceEntry => ({ seq: e.seq, time: e.time, action: e.action, subject });
    const sha = e.documentSha256;
    if (e.action === 'document.load' && sha) {
      const p = payload as { existing: boolean; classification?: string | null; docNumber?: string | null; title?: string | null };
      if (p.existing) continue;
      const d = doc(sha);
      d.classified = Boolean(p.classification);
      d.docNumber = p.docNumber ?? null;
      d.title = p.title ?? null;
    } else if (e.action === 'decision.sign') {
      const s = payload as unknown as SignStatement;
      const day = localDay(e.time);
      if (day > last) continue;
      const d = doc(s.documentSha256);
      d.docNumber = s.docNumber ?? d.docNumber;
      d.title = s.title ?? d.title;
      const entry = trace(m.documentSubject(d.docNumber, d.title, s.documentSha256));
      if ((s.attribute === 'proactive' || s.attribute === 'partial') && !d.firstPublic) d.firstPublic = { day, entry };
      if (day >= first && s.attribute === 'withheld') d.withheld = { statement: s, entry };
    } else if (e.action === publicationActions.kind && sha) {
      if (localDay(e.time) > last) continue;
      const d = doc(sha);
      d.kindOverride = (payload as unknown as KindSetPayload).kind;
      d.overrideEntry = d.kindOverride === null ? null : trace(m.documentSubject(d.docNumber, d.title, sha));
    } else if (e.action === requestActions.add) {
      const p = payload as unknown as RequestAddedPayload;
      added.set(p.requestId, { p, entry: trace(m.requestSubject(p.requestId)) });
    } else if (e.action === requestActions.answer) {
      const p = payload as unknown as RequestAnsweredPayload;
      answered.set(p.requestId, { p, entry: trace(m.requestSubject(p.requestId)) });
    } else if (e.action === requestActions.appeal) {
      const p = payload as unknown as RequestAppealPayload;
      appeals.set(p.appealId, { p, entry: trace(m.appealSubject(p.requestId, p.appealId)) });
    } else if (e.action === requestActions.appealResult) {
      const p = payload as unknown as RequestAppealResultPayload;
      results.set(p.appealId, { p, entry: trace(m.appealSubject(p.requestId, p.appealId)) });
    }
  }

  const tally = new Tally();

  // ---- table 二 ----
  const kindOf = (d: DocumentState): ReportKind | null => reportKindOf({ title: d.title, docNumber: d.docNumber, header: null }, d.kindOverride);
  const evidence = (d: DocumentState, entry: TraceEntry) => (d.overrideEntry ? [entry, d.overrideEntry] : [entry]);
  const made = [...documents.entries()].filter(([, d]) => d.firstPublic && !isRepeal(d.title));
  const repealedBy = new Map<string, TraceEntry>();
  for (const [sha, d] of documents) {
    if (!d.firstPublic || !isRepeal(d.title)) continue;
    const names = repealedTitles(d.title);
    for (const [i, name] of (names.length > 0 ? names : ['']).entries()) {
      const target = name ? made.find(([, t]) => t.title !== null && t.firstPublic!.day <= d.firstPublic!.day && (t.title.includes(name) || name.includes(t.title))) : undefined;
      const targetKind = target ? kindOf(target[1]) : null;
      const kind = targetKind === 'rule' || targetKind === 'normative' ? targetKind : kindOf(d) === 'rule' ? 'rule' : 'normative';
      if (target) repealedBy.set(target[0], d.firstPublic.entry);
      if (d.firstPublic.day >= first) tally.count(cellKeys.document(kind, 'repealed'), `${sha}#${i}`, [d.firstPublic.entry, ...(target ? [target[1].firstPublic!.entry] : [])]);
    }
  }
  for (const [sha, d] of made) {
    const kind = kindOf(d);
    if (kind === null) continue;
    const entries = evidence(d, d.firstPublic!.entry);
    const inYear = d.firstPublic!.day >= first;
    if (kind === 'rule' || kind === 'normative') {
      if (inYear) tally.count(cellKeys.document(kind, 'made'), sha, entries);
      if (!repealedBy.has(sha)) tally.count(cellKeys.document(kind, 'inForce'), sha, entries);
    } else if (inYear) tally.count(cellKeys.decision(kind), sha, entries);
  }

  // ---- table 三 ----
  const countRequest = (row: RequestRow, id: number, type: ApplicantType, entries: TraceEntry[]) => {
    for (const column of [type, ...(isNaturalPerson(type) ? [] : ['legal-or-other' as const]), 'total' as const]) tally.count(cellKeys.request(row, column), String(id), entries);
  };
  for (const [id, { p, entry }] of added) {
    const answer = answered.get(id);
    const type = applicantOf(p.applicantType);
    const answeredOn = answer ? answer.p.answeredOn : null;
    if (p.receivedOn >= first && p.receivedOn <= last) countRequest('received', id, type, [entry]);
    if (p.receivedOn < first && (answeredOn === null || answeredOn >= first)) countRequest('carried-in', id, type, answer && answeredOn! <= last ? [entry, answer.entry] : [entry]);
    if (p.receivedOn <= last && (answeredOn === null || answeredOn > last)) countRequest('carried-out', id, type, [entry]);
    if (answer && answeredOn! >= first && answeredOn! <= last) {
      countRequest(answer.p.outcome, id, type, [entry, answer.entry]);
      countRequest('answered-total', id, type, [entry, answer.entry]);
    }
  }

  // ---- table 四 ----
  for (const [id, { p, entry }] of appeals) {
    const result = results.get(id);
    const decidedOn = result?.p.decidedOn ?? null;
    if (p.filedOn > last || (p.filedOn < first && decidedOn !== null && decidedOn < first)) continue;
    const track: AppealTrack = p.kind === 'reconsideration' ? 'reconsideration' : p.afterReconsideration ? 'after-reconsideration' : 'direct';
    const column: AppealColumn = result && decidedOn! <= last ? result.p.result : 'pending';
    const behind = column === 'pending' ? [entry] : [entry, result!.entry];
    tally.count(cellKeys.appeal(track, column), String(id), behind);
    tally.count(cellKeys.appeal(track, 'total'), String(id), behind);
  }

  // ---- withheld 公文, not part of the template ----
  for (const [sha, d] of documents) {
    if (!d.withheld) continue;
    const s = d.withheld.statement;
    const ground = withheldGroundOf({ categories: s.categories as CategoryId[], basis: s.basis, classified: d.classified, caseFile: isCaseFile(d.title) });
    tally.count(cellKeys.withheld(ground), sha, [d.withheld.entry]);
  }

  const cells: Record<string, number | null> = {};
  const traces = new Map<string, TraceEntry[]>();
  for (const key of allCellKeys()) {
    cells[key] = key === cellKeys.fee() ? null : tally.value(key);
    traces.set(key, tally.trace(key));
  }
  const total = (row: RequestRow) => cells[cellKeys.request(row, 'total')] ?? 0;
  const balanced = total('received') + total('carried-in') === total('answered-total') + total('carried-out');
  return { report: { year, source: { entries: count, lastSeq }, cells, balanced }, traces };
}

/** Keys accepted by `--explain`; the 总计 column may be named explicitly too. */
export function resolveCellKey(key: string): string | null {
  const all = new Set(allCellKeys());
  const trimmed = key.trim();
  if (all.has(trimmed)) return trimmed;
  const withoutTotal = trimmed.replace(new RegExp(`/${annualTemplateMessages.keys.total}$`), '');
  return all.has(withoutTotal) ? withoutTotal : null;
}
