import type { ReturnGround } from '../return-grounds.ts';
import { z } from 'zod';
import { channel } from './channel.ts';
import { savePath, userPath } from './paths.ts';
import type { Attribute, CategoryId } from '../types.ts';
import type { Deadline, HolidayCalendar } from '../workdays.ts';
import type { Checkpoint } from './records.ts';
import { appealKinds, appealResults, applicantTypes, inspectionOutcomes, requestChannels, requestOutcomes, worklistRules } from '../inspection-terms.ts';
import type { AnswerState, AppealKind, AppealResult, ApplicantType, InspectionOutcome, RequestChannel, RequestOutcome, WorklistRule } from '../inspection-terms.ts';

export { appealKinds, appealResults, applicantTypes, inspectionOutcomes, requestChannels, requestOutcomes, worklistRules };
export type { AnswerState, AppealKind, AppealResult, ApplicantType, InspectionOutcome, RequestChannel, RequestOutcome, WorklistRule };

// ---- on-request register (依申请登记) ----

export interface RequestView {
  id: number;
  documentId: number | null;
  documentSha256: string | null;
  docNumber: string | null;
  title: string | null;
  /** What the applicant asked for, in their words. */
  subject: string;
  applicantType: ApplicantType;
  channel: RequestChannel;
  receivedOn: string;
  extensionDays: number;
  extensionReason: string | null;
  outcome: RequestOutcome | null;
  answeredOn: string | null;
  note: string;
  recordedBy: string;
  recordedAt: string;
  deadline: Deadline;
  /** Entered in the register more than two working days after a request handed in (not online) arrived. */
  recordedLate: boolean;
  /** null: no answer prepared yet. The final outcome and date are `outcome`/`answeredOn`; until then the proposed ones. */
  answerState: AnswerState | null;
  proposedOutcome: RequestOutcome | null;
  proposedOn: string | null;
  /** 条例 article and reasons of an answer short of full release. */
  answerBasis: string | null;
  answerReason: string | null;
  /** 信息处理费 in yuan, and whether it was waived (收费及减免). */
  fee: number | null;
  feeWaived: boolean;
  /** The answer releases what the document's signed decision withholds: it needs a reviewer's justification. */
  reviewRequired: boolean;
  preparedBy: string | null;
  reviewedBy: string | null;
  /** The reviewer's justification on approval, or the reason an answer was returned. */
  reviewNote: string | null;
  appeals: AppealView[];
}

/** A 行政复议 or 行政诉讼 brought over a request; no result yet means it is pending (尚未审结). */
export interface AppealView {
  id: number;
  requestId: number;
  kind: AppealKind;
  filedOn: string;
  body: string;
  /** A lawsuit brought after reconsideration (复议后起诉), as table 四 separates them. */
  afterReconsideration: boolean;
  result: AppealResult | null;
  decidedOn: string | null;
  recordedBy: string;
  recordedAt: string;
  /** Registered more than a week after it was filed. */
  recordedLate: boolean;
}

export interface RequestCounts {
  open: number;
  dueSoon: number;
  overdue: number;
  answered: number;
  answeredLate: number;
}

/** How often one register document was asked for in a year: "often requested" as a number. */
export interface RequestTally {
  documentId: number;
  docNumber: string | null;
  title: string | null;
  count: number;
}

export interface RequestPage {
  rows: RequestView[];
  total: number;
  /** Over every request matching the filter's document and year, whatever the status filter. */
  counts: RequestCounts;
  /** Today as the core sees it, the day deadlines were measured against. */
  today: string;
}

// ---- the November self-inspection (年度自查) ----

/** pending: no outcome yet; proposed: the new decision is in the review/sign flow; done: it is signed. */
export type ItemProgress = 'pending' | 'proposed' | 'done';

export interface InspectionConfig {
  /** 发文机关署名 of the report and the unit's name in bundles. */
  unitName: string;
  /** 主送机关 of the report, usually 本级政府办公室. */
  reportTo: string;
  /** On-request documents asked for at least this many times in the year are listed (条例第四十四条). */
  minRequests: number;
  /** Category-2 process information decided longer ago than this is listed as "process over". */
  processMonths: number;
}

export interface WorklistItem {
  documentId: number;
  documentSha256: string;
  fileName: string;
  docNumber: string | null;
  title: string | null;
  date: string | null;
  classification: string | null;
  /** The signed decision in force when the item was listed. */
  decisionId: number;
  attribute: Attribute;
  reason: string;
  basis: string[];
  categories: CategoryId[];
  signedAt: string | null;
  rules: WorklistRule[];
  requestCount: number;
  /** The 保密期限 end date when a classification period applies. */
  secrecyEnds: string | null;
  suggested: InspectionOutcome;
  /** Why the suggestion, in Chinese. */
  suggestionReason: string;
  outcome: InspectionOutcome | null;
  justification: string | null;
  newDecisionId: number | null;
  newDecisionState: string | null;
  progress: ItemProgress;
}

interface InspectionProgress {
  total: number;
  pending: number;
  proposed: number;
  done: number;
}

export interface InspectionSummary {
  progress: InspectionProgress;
  byRule: Record<WorklistRule, number>;
  byAttribute: Record<Attribute, number>;
  /** Outcomes chosen so far (proposed or done). */
  byOutcome: Record<InspectionOutcome, number>;
  /** Items whose attribute actually changed by a signed new decision. */
  converted: { toProactive: number; toPartial: number };
}

export interface InspectionStatus {
  year: number;
  state: 'none' | 'open' | 'closed';
  config: InspectionConfig;
  openedAt: string | null;
  openedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  /** Figures frozen at closing; live figures while open; null when not opened. */
  summary: InspectionSummary | null;
  /** Audit entry of the closing, the point the frozen figures are tied to. */
  closeSeq: number | null;
}

export interface WorklistPage {
  items: WorklistItem[];
  total: number;
  progress: InspectionProgress;
}

export interface ProposeResult {
  proposed: { documentId: number; decisionId: number }[];
  /** Items not proposed, each with the reason in Chinese. */
  skipped: { documentId: number; message: string }[];
}

// ---- annual-report figures (条例第五十条) ----

interface ReportRowCount {
  /** e.g. `不予公开-1`. */
  row: string;
  label: string;
  count: number;
}

export interface OutcomeCount {
  outcome: RequestOutcome;
  row: string;
  label: string;
  byApplicant: Record<ApplicantType, number>;
  total: number;
}

export interface AnnualFigures {
  year: number;
  /** The audit entries the figures were computed from. */
  source: { entries: number; lastSeq: number | null };
  decisions: {
    /** Decisions signed during the year, by attribute. */
    signedByAttribute: Record<Attribute, number>;
    /** The decision in force for each document at 31 December, by attribute. */
    inForceByAttribute: Record<Attribute, number>;
    /** Signed decisions of the year that replaced an earlier one and made it more open. */
    madeMoreOpen: number;
  };
  /**
   * Documents given a withheld decision signed during the year, by ground (row: a WithheldGround key; bundles frozen
   * before grounds were kept hold the older row names). Not part of the national template: table 三 counts requests.
   * A document re-signed in the year counts once, under its latest ground.
   */
  withheldByRow: ReportRowCount[];
  requests: {
    received: Record<ApplicantType, number> & { total: number };
    carriedIn: number;
    answered: number;
    carriedOut: number;
    answeredLate: number;
    outcomes: OutcomeCount[];
  };
  /** 退文 made during the year, by ground (a return on several grounds counts under each); absent on figures frozen before returns were counted. */
  returns?: ReturnFigures;
}

/** Tables 二, 三 and 四 of the national template and the separate table of withheld 公文, for one calendar year. */
export interface AnnualReport {
  year: number;
  source: { entries: number; lastSeq: number | null };
  /** By cell key (shared/annual-template.ts); null where nothing is recorded (收费金额). */
  cells: Record<string, number | null>;
  /** Table 三 in the 总计 column: 一 + 二 = 三（七）+ 四. */
  balanced: boolean;
}

export interface ReturnFigures {
  /** Returns in the year; those recorded before grounds were kept count here only. */
  total: number;
  byGround: { ground: ReturnGround; count: number }[];
}

// ---- exports and signed bundles ----

export type InspectionExportFormat = 'xlsx' | 'docx' | 'csv' | 'bundle';

export interface ExportedFile {
  format: InspectionExportFormat;
  path: string;
  bytes: number;
  sha256: string;
}

export interface AnnualReportFile {
  format: 'xlsx' | 'docx';
  path: string;
  bytes: number;
  sha256: string;
}

export interface BundleItem {
  documentSha256: string;
  docNumber: string | null;
  title: string | null;
  date: string | null;
  decisionId: number;
  attribute: Attribute;
  reason: string;
  basis: string[];
  rules: WorklistRule[];
  requestCount: number;
  outcome: InspectionOutcome | null;
  justification: string | null;
  newDecisionId: number | null;
  /** Attribute of the new decision; the converted counts are recounted from it. */
  newAttribute: Attribute | null;
  progress: ItemProgress;
}

/** An audit entry as the unit's chain holds it, with the hash before it, so its own hash can be recomputed offline. */
interface BundleAuditEntry {
  seq: number;
  time: string;
  user: string | null;
  role: string | null;
  action: string;
  documentSha256: string | null;
  decisionId: number | null;
  /** Canonical JSON text, exactly as hashed. */
  payload: string;
  signature: string | null;
  previousHash: string;
  hash: string;
}

/** The signed part of a bundle: everything except the signature itself. */
export interface BundleBody {
  format: 'disclosure-desk/inspection-bundle/v1';
  /** rootFingerprint: the unit record's root key (absent on bundles made before it was carried). */
  unit: { name: string; installationId: string; rootFingerprint?: string | null };
  year: number;
  inspection: { openedAt: string; openedBy: string; closedAt: string | null; closedBy: string | null; config: InspectionConfig };
  summary: InspectionSummary;
  annual: AnnualFigures;
  items: BundleItem[];
  /** The inspection's own audit entries (open, proposals, close). */
  entries: BundleAuditEntry[];
  checkpoint: Checkpoint;
  signer: { user: string; keyFingerprint: string; publicKey: string };
  createdAt: string;
}

export interface SignedBundle extends BundleBody {
  signature: string;
}

export type BundleProblem =
  | 'unreadable'
  | 'not-bundle'
  | 'unsigned'
  | 'bad-signature'
  | 'key-mismatch'
  | 'checkpoint-invalid'
  | 'checkpoint-behind'
  | 'entry-mismatch'
  | 'figures-mismatch'
  | 'not-closed'
  | 'pinned-key-mismatch'
  | 'duplicate'
  | 'not-found'
  | 'malformed'
  | 'unconfirmed-key'
  | 'unit-name-collision';

export interface BundleCheck {
  ok: boolean;
  problem: BundleProblem | null;
  /** Chinese: what was checked, or why the bundle is refused. */
  message: string;
  file: string;
  unitName: string | null;
  installationId: string | null;
  year: number | null;
  keyFingerprint: string | null;
  sha256: string | null;
}

export interface UnitSummary {
  unitName: string;
  installationId: string;
  year: number;
  keyFingerprint: string;
  bundleSha256: string;
  importedAt: string;
  closedAt: string | null;
  items: number;
  done: number;
  withheld: number;
  partial: number;
  onRequest: number;
  kept: number;
  toProactive: number;
  toPartial: number;
  requestsReceived: number;
  requestsAnsweredLate: number;
}

export interface ConsolidatedView {
  year: number;
  units: UnitSummary[];
  totals: Omit<UnitSummary, 'unitName' | 'installationId' | 'year' | 'keyFingerprint' | 'bundleSha256' | 'importedAt' | 'closedAt'> & { units: number };
}

// ---- argument schemas ----

const text = (max: number) => z.string().max(max);
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const password = z.string().min(1).max(256);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const year = z.number().int().min(1990).max(2200);

const requestInputSchema = z
  .object({
    documentId: id.nullable(),
    subject: text(2000).min(1),
    applicantType: z.enum(applicantTypes),
    channel: z.enum(requestChannels),
    receivedOn: isoDay,
    note: text(4000).optional(),
  })
  .strict();
export type RequestInput = z.infer<typeof requestInputSchema>;

const requestAnswerSchema = z
  .object({
    requestId: id,
    outcome: z.enum(requestOutcomes),
    answeredOn: isoDay,
    basis: text(200).optional(),
    reason: text(4000).optional(),
    fee: z.number().min(0).max(1_000_000).optional(),
    feeWaived: z.boolean().optional(),
    note: text(4000).optional(),
  })
  .strict();
export type RequestAnswer = z.infer<typeof requestAnswerSchema>;

const answerReviewSchema = z
  .object({ requestId: id, decision: z.enum(['approve', 'return']), justification: text(4000).optional(), reason: text(4000).optional() })
  .strict();
export type AnswerReview = z.infer<typeof answerReviewSchema>;

const appealInputSchema = z
  .object({ requestId: id, kind: z.enum(appealKinds), filedOn: isoDay, body: text(200).min(1), afterReconsideration: z.boolean().optional() })
  .strict();
export type AppealInput = z.infer<typeof appealInputSchema>;

const appealResultSchema = z.object({ requestId: id, appealId: id, result: z.enum(appealResults), decidedOn: isoDay }).strict();
export type AppealResultInput = z.infer<typeof appealResultSchema>;

const requestExtendSchema = z.object({ requestId: id, extensionDays: z.number().int().min(1).max(20), reason: text(2000).min(1) }).strict();
export type RequestExtension = z.infer<typeof requestExtendSchema>;

const requestFilterSchema = z
  .object({
    documentId: id.optional(),
    year: year.optional(),
    status: z.enum(['open', 'due-soon', 'overdue', 'answered', 'answered-late', 'unanswered']).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type RequestFilter = z.infer<typeof requestFilterSchema>;

const holidayCalendarSchema = z.object({ holidays: z.array(isoDay).max(5000), workingWeekends: z.array(isoDay).max(2000) }).strict();

const inspectionConfigPatchSchema = z
  .object({
    unitName: text(100).min(1).optional(),
    reportTo: text(100).min(1).optional(),
    minRequests: z.number().int().min(1).max(1000).optional(),
    processMonths: z.number().int().min(1).max(600).optional(),
  })
  .strict();
export type InspectionConfigPatch = z.infer<typeof inspectionConfigPatchSchema>;

const worklistFilterSchema = z
  .object({
    year,
    rule: z.enum(worklistRules).optional(),
    progress: z.enum(['pending', 'proposed', 'done']).optional(),
    attribute: z.enum(['proactive', 'partial', 'on-request', 'withheld']).optional(),
    suggested: z.enum(inspectionOutcomes).optional(),
    query: text(200).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type WorklistFilter = z.infer<typeof worklistFilterSchema>;

const proposeSchema = z
  .object({
    year,
    documentIds: z.array(id).min(1).max(20_000),
    /** Omitted: each item takes its own suggested outcome (the one-click path). */
    outcome: z.enum(inspectionOutcomes).optional(),
    justification: text(4000).min(1),
    /** Submit each new decision at once when it is complete (default true); a partial one needing spans stays a draft. */
    submit: z.boolean().optional(),
    /** The proposer confirms that one justification fits items whose outcomes differ; without it such a batch is refused. */
    sameJustification: z.boolean().optional(),
  })
  .strict();
export type ProposeInput = z.infer<typeof proposeSchema>;

export const inspectionChannels = {
  addRequest: channel(z.tuple([requestInputSchema]))<RequestView>(),
  answerRequest: channel(z.tuple([requestAnswerSchema]))<RequestView>(),
  extendRequest: channel(z.tuple([requestExtendSchema]))<RequestView>(),
  /** A reviewer confirms a prepared answer (with a justification when it needs one) or returns it with a reason. */
  reviewAnswer: channel(z.tuple([answerReviewSchema]))<RequestView>(),
  addAppeal: channel(z.tuple([appealInputSchema]))<RequestView>(),
  recordAppealResult: channel(z.tuple([appealResultSchema]))<RequestView>(),
  /** The articles an answer's basis is picked from. */
  answerBasisChoices: channel(z.tuple([]))<string[]>(),
  listRequests: channel(z.tuple([requestFilterSchema]))<RequestPage>(),
  /** Requests per document received in `year` (every year when omitted). */
  requestCounts: channel(z.tuple([z.object({ year: year.optional() }).strict()]))<RequestTally[]>(),

  getHolidays: channel(z.tuple([]))<HolidayCalendar>(),
  setHolidays: channel(z.tuple([holidayCalendarSchema]))<HolidayCalendar>(),
  /** A year's schedule from a small text file (休/班 lines, see parseSchedule): that year's dates are replaced. */
  importHolidays: channel(z.tuple([z.object({ path: userPath }).strict()]))<HolidayCalendar>(),
  getInspectionConfig: channel(z.tuple([]))<InspectionConfig>(),
  setInspectionConfig: channel(z.tuple([inspectionConfigPatchSchema]))<InspectionConfig>(),
  /** The unit's name on its reports and bundles; an admin's change (`settings set unit-name`, 设置 page). */
  setUnitName: channel(z.tuple([z.object({ name: text(100).min(1) }).strict()]))<InspectionConfig>(),

  openInspection: channel(z.tuple([z.object({ year }).strict()]))<InspectionStatus>(),
  inspectionStatus: channel(z.tuple([z.object({ year }).strict()]))<InspectionStatus>(),
  worklist: channel(z.tuple([worklistFilterSchema]))<WorklistPage>(),
  proposeOutcomes: channel(z.tuple([proposeSchema]))<ProposeResult>(),
  closeInspection: channel(z.tuple([z.object({ year }).strict()]))<InspectionStatus>(),

  exportInspection: channel(z.tuple([z.object({ year, format: z.enum(['xlsx', 'docx', 'csv', 'bundle']), path: savePath, password: password.optional() }).strict()]))<ExportedFile>(),
  annualFigures: channel(z.tuple([z.object({ year }).strict()]))<AnnualFigures>(),
  annualReport: channel(z.tuple([z.object({ year }).strict()]))<AnnualReport>(),
  exportAnnualReport: channel(z.tuple([z.object({ year, format: z.enum(['xlsx', 'docx']), path: savePath }).strict()]))<AnnualReportFile>(),

  verifyBundle: channel(z.tuple([z.object({ path: userPath }).strict()]))<BundleCheck>(),
  /** `confirmedFingerprints`: keys the office got from the units by telephone or letter, for first-seen units and changed keys. */
  importBundles: channel(z.tuple([z.object({ paths: z.array(userPath).min(1).max(1000), confirmedFingerprints: z.array(text(200)).max(1000).optional() }).strict()]))<BundleCheck[]>(),
  consolidatedView: channel(z.tuple([z.object({ year }).strict()]))<ConsolidatedView>(),
  exportConsolidated: channel(z.tuple([z.object({ year, format: z.enum(['xlsx', 'csv']), path: savePath }).strict()]))<ExportedFile>(),
};
