import { z } from 'zod';
import { channel } from './channel.ts';
import { savePath, userPath } from './paths.ts';
import type { NoteContradiction } from '../publicity-note.ts';
import { intakeLimitRanges } from '../intake-limits.ts';
import { publicationWorkingDaysRange } from '../publication-rules.ts';
import type {
  ApiError,
  Attribute,
  CategoryId,
  ClassificationLevel,
  DecisionState,
  Disposition,
  DispositionAction,
  DocFormat,
  DocumentMetadata,
  IntakeLimits,
  Role,
} from '../types.ts';
import type { ReviewPolicy, WorkflowAction } from '../workflow.ts';
import type { Redaction } from '../redaction.ts';
import type { BasisOption } from '../basis.ts';
import { channels, type Channel } from '../channels.ts';
import { returnGrounds, type ReturnGround } from '../return-grounds.ts';
import { unpackContent, type DocumentContent, type PackedContent } from './document-content.ts';

// ---- shapes the core returns ----

export interface SessionUser {
  id: number;
  name: string;
  displayName: string;
  roles: Role[];
  /** SHA-256 of the user's Ed25519 public key, hex; what a signature can be checked against. */
  keyFingerprint: string;
}

export interface UserView extends SessionUser {
  active: boolean;
  createdAt: string;
}

export interface SessionStatus {
  /** No account exists yet: the UI must run the first-run flow (setupAdmin). */
  firstRun: boolean;
  user: SessionUser | null;
  accounts: { name: string; displayName: string }[];
  database: { path: string; problem: ApiError | null };
  /** The audit verification started when the core opened the record; it runs while the app is already in use. */
  audit: StartupAudit | null;
  /** Fingerprint of the installation's root key (its first admin), to compare with the one printed at set-up. */
  rootFingerprint: string | null;
}

export type StartupAudit = { state: 'checking' } | { state: 'done'; report: AuditVerifyReport } | { state: 'failed'; message: string };

export interface Settings {
  /** 'all': every attribute passes the reviewer; otherwise only on-request and withheld must. */
  reviewPolicy: ReviewPolicy;
  /** Declared by an admin: this computer is an approved 涉密计算机, so the text of classified drafts may be kept. */
  classifiedMachineApproved: boolean;
  /** Dismissing a finding scored at or above this needs a recorded justification. */
  highScoreThreshold: number;
  limits: IntakeLimits;
  /** Local rules offered in the basis pick list after the national articles. */
  localBasis: string[];
  /** A folder on removable media that keeps a second copy of the known chain head; null when none was chosen. */
  headCopyDir: string | null;
  /** Working days within which a signed public 公文 is released (unit rule; 20 at most, seed 004 第四十条). */
  publicationWorkingDays: number;
}

export type RegisterState = 'undecided' | DecisionState;

export interface DocumentRow {
  id: number;
  sha256: string;
  fileName: string;
  format: DocFormat;
  docNumber: string | null;
  title: string | null;
  date: string | null;
  year: number | null;
  classification: ClassificationLevel | null;
  state: RegisterState;
  /** Attribute of the latest decision (open or signed); null while undecided. */
  attribute: Attribute | null;
  /** Attribute of the latest signed decision: the one in force. */
  signedAttribute: Attribute | null;
  suggestedAttribute: Attribute;
  /** Non-negated findings per category; index 0 is category 1. */
  findingCounts: number[];
  revisionOf: number | null;
  loadedAt: string;
  updatedAt: string;
}

export type DocumentSortKey = 'loadedAt' | 'updatedAt' | 'date' | 'docNumber' | 'title' | 'state' | 'attribute';

export interface DocumentPage {
  rows: DocumentRow[];
  total: number;
}

export interface RevisionLink {
  id: number;
  sha256: string;
  fileName: string;
  docNumber: string | null;
  title: string | null;
  loadedAt: string;
  relation: 'earlier' | 'later';
}

export type { Disposition, DispositionAction };

export type JustificationNeed =
  | { kind: 'less-open'; suggested: Attribute; chosen: Attribute }
  | { kind: 'high-score-dismissed'; findingIds: string[] }
  | { kind: 'classified'; level: ClassificationLevel; chosen: Attribute }
  | { kind: 'supersedes'; decisionId: number }
  | NoteContradiction;

/** Exactly what a signer's Ed25519 signature covers (canonical JSON of this object). */
export interface SignStatement {
  statement: 'disclosure-desk/sign-off/v1';
  decisionId: number;
  documentSha256: string;
  docNumber: string | null;
  title: string | null;
  attribute: Attribute;
  reason: string;
  basis: string[];
  basisText: string;
  justification: string;
  redactions: Redaction[];
  /** 公开方式; absent on sign-offs made before it was recorded. */
  channels?: Channel[];
  channelText?: string;
  /** Categories of the findings confirmed or redacted: the annual-report rows draw on these. */
  categories: CategoryId[];
  supersedes: number | null;
  /** SHA-256 of the stored text and paragraphs the redactions apply to; absent on sign-offs made before it was kept. */
  contentSha256?: string;
  draftedBy: string;
  reviewedBy: string | null;
  signer: string;
  keyFingerprint: string;
  /** Audit entry this sign-off becomes, and the chain head it extends. */
  seq: number;
  chainHead: string;
  time: string;
}

export interface DecisionView {
  id: number;
  documentId: number;
  documentSha256: string;
  state: DecisionState;
  attribute: Attribute;
  suggestedAttribute: Attribute;
  reason: string;
  basis: string[];
  basisText: string;
  justification: string;
  dispositions: Disposition[];
  redactions: Redaction[];
  /** 公开方式, for 主动公开 and 部分公开; `channelText` writes out `other`. */
  channels: Channel[];
  channelText: string;
  supersedes: number | null;
  supersededBy: number | null;
  reviewRequired: boolean;
  draftedBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  returnedBy: string | null;
  returnedAt: string | null;
  returnReason: string | null;
  /** The 退文 grounds of the last return; null when never returned, or returned before grounds were recorded. */
  returnGrounds: ReturnGround[] | null;
  signedBy: string | null;
  signedAt: string | null;
  signature: string | null;
  signStatement: SignStatement | null;
  /** Why this decision needs a justification; empty when it does not. */
  justificationNeeded: JustificationNeed[];
}

/** Login name → display name for the accounts a response mentions, so the UI can write 张拟稿（zhangni）; names no account holds are absent. */
export type People = Record<string, string>;

export interface AuditEntryView {
  seq: number;
  time: string;
  user: string | null;
  role: Role | null;
  action: string;
  documentSha256: string | null;
  decisionId: number | null;
  payload: unknown;
  signature: string | null;
  hash: string;
}

export interface DocumentDetail extends DocumentRow, DocumentContent {
  byteSize: number;
  pageCount: number | null;
  charCount: number;
  metadata: DocumentMetadata;
  warnings: string[];
  classifiedWarning: string | null;
  lexiconVersion: string;
  loadedBy: string;
  revisions: RevisionLink[];
  /** Oldest first. */
  decisions: DecisionView[];
  current: DecisionView | null;
  /** What the signed-in user may do now on the current decision. */
  actions: WorkflowAction[];
  history: AuditEntryView[];
  /** Everyone the decisions, sign statements and history name. */
  people: People;
}

/** What getDocument answers: the detail with its bulky content packed; unpackDocument turns it into a DocumentDetail. */
export interface PackedDocumentDetail extends Omit<DocumentDetail, keyof DocumentContent> {
  content: PackedContent;
}

export function unpackDocument(packed: PackedDocumentDetail): DocumentDetail {
  const { content, ...rest } = packed;
  return { ...rest, ...unpackContent(content) };
}

export interface LoadOutcome {
  documentId: number;
  sha256: string;
  /** The same bytes were already in the register. */
  existing: boolean;
  revisionOf: number | null;
  classifiedWarning: string | null;
}

interface ImportError {
  file: string;
  code: string;
  message: string;
}

export interface ImportStatus {
  jobId: string;
  total: number;
  done: number;
  current: string | null;
  errors: ImportError[];
  finished: boolean;
  cancelled: boolean;
  documentIds: number[];
}

export interface QueueItem {
  decisionId: number;
  documentId: number;
  documentSha256: string;
  fileName: string;
  docNumber: string | null;
  title: string | null;
  attribute: Attribute;
  state: DecisionState;
  draftedBy: string;
  updatedAt: string;
  returnReason: string | null;
  returnGrounds: ReturnGround[] | null;
}

export interface QueueCounts {
  myDrafts: number;
  returnedToMe: number;
  awaitingReview: number;
  awaitingSignature: number;
}

export interface Queues extends Record<keyof QueueCounts, QueueItem[]> {
  counts: QueueCounts;
  /** The drafters of the listed items. */
  people: People;
}

export interface AuditPage {
  entries: AuditEntryView[];
  total: number;
  /** The users of the listed entries; the entries themselves keep the login name exactly as recorded. */
  people: People;
}

export interface Checkpoint {
  format: 'disclosure-desk/checkpoint/v1';
  installationId: string;
  seq: number;
  hash: string;
  time: string;
  signer: string;
  keyFingerprint: string;
  /** Ed25519 SPKI DER, base64. */
  publicKey: string;
  /** The installation's root key (its first admin); absent on checkpoints written before it was recorded. */
  rootFingerprint?: string | null;
  signature: string;
}

type CheckpointProblem = 'bad-signature' | 'unknown-key' | 'other-installation' | 'truncated' | 'replaced' | 'unreadable';

export interface CheckpointCheck {
  ok: boolean;
  seq: number;
  problem: CheckpointProblem | null;
  message: string;
}

export interface AuditBreak {
  seq: number;
  code: 'sequence' | 'hash' | 'signature' | 'unknown-key' | 'statement' | 'record-mismatch' | 'role' | 'unsigned-account' | 'duplicate-user' | 'root' | 'orphan-entry' | 'unanchored';
  message: string;
}

/** The record against the last head this PC knew of (see electron/core/ledger/head.ts). */
export interface KnownHeadCheck {
  ok: boolean;
  seq: number;
  problem: 'older' | 'replaced' | 'other-installation' | 'root-changed' | 'unreadable' | null;
  file: string;
  message: string;
}

export interface AuditVerifyReport {
  intact: boolean;
  entries: number;
  /** Valid sign-offs. */
  signatures: number;
  /** Valid admin signatures on account, role and key changes. */
  accountSignatures: number;
  head: { seq: number; hash: string } | null;
  firstBroken: AuditBreak | null;
  triggersIntact: boolean;
  checkpoint: CheckpointCheck | null;
  knownHead: KnownHeadCheck | null;
  /** Fingerprint of the installation's root key, as the chain established it. */
  rootFingerprint: string | null;
  checkedAt: string;
}

export interface BackupResult {
  path: string;
  bytes: number;
  entries: number;
}

export interface RedactedExport {
  path: string;
  format: 'docx' | 'txt';
  marks: number;
  /** The written file was read back and no withheld text survives in it. */
  verified: true;
}

// ---- argument schemas ----

const text = (max: number) => z.string().max(max);
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const roleSchema = z.enum(['drafter', 'reviewer', 'signer', 'admin']);
export const attributeSchema = z.enum(['proactive', 'partial', 'on-request', 'withheld']);
const userName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^\s\p{C}]+$/u);
const newPassword = z.string().min(8).max(256);
const password = z.string().min(1).max(256);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/).max(40);

const dispositionSchema = z.object({ findingId: text(200).min(1), action: z.enum(['confirm', 'dismiss', 'redact']), reason: text(2000) }).strict();
const redactionSchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0), basis: text(200).min(1), findingId: text(200).nullable(), origin: z.literal('repeat').optional() })
  .strict()
  .refine((r) => r.end > r.start, { message: 'end must be after start' });

export const channelSchema = z.enum(channels);
export const returnGroundSchema = z.enum(returnGrounds);

export const decisionInputSchema = z
  .object({
    documentId: id,
    attribute: attributeSchema,
    reason: text(4000),
    basis: z.array(text(200).min(1)).max(30),
    basisText: text(4000),
    justification: text(4000),
    dispositions: z.array(dispositionSchema).max(20_000),
    redactions: z.array(redactionSchema).max(20_000),
    channels: z.array(channelSchema).max(channels.length).optional(),
    channelText: text(400).optional(),
  })
  .strict();
export type DecisionInput = z.infer<typeof decisionInputSchema>;

const documentFilterSchema = z
  .object({
    state: z.enum(['undecided', 'draft', 'submitted', 'returned', 'approved', 'signed']).optional(),
    attribute: attributeSchema.optional(),
    year: z.number().int().min(1900).max(2200).optional(),
    category: z.number().int().min(1).max(9).optional(),
    query: text(200).optional(),
    sort: z.enum(['loadedAt', 'updatedAt', 'date', 'docNumber', 'title', 'state', 'attribute']).optional(),
    direction: z.enum(['asc', 'desc']).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type DocumentFilter = z.infer<typeof documentFilterSchema>;

const auditFilterSchema = z
  .object({
    documentSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    user: userName.optional(),
    action: text(64).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    offset: z.number().int().min(0).max(100_000_000).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;

const limitIn = ({ min, max }: { min: number; max: number }) => z.number().int().min(min).max(max);
export const limitsSchema = z
  .object({
    maxBytes: limitIn(intakeLimitRanges.maxBytes),
    maxExpandedBytes: limitIn(intakeLimitRanges.maxExpandedBytes),
    timeoutMs: limitIn(intakeLimitRanges.timeoutMs),
  })
  .strict();

const settingsPatchSchema = z
  .object({
    reviewPolicy: z.enum(['all', 'on-request-withheld']).optional(),
    classifiedMachineApproved: z.boolean().optional(),
    highScoreThreshold: z.number().min(0).max(1).optional(),
    limits: limitsSchema.optional(),
    localBasis: z.array(text(200).min(1)).max(200).optional(),
    headCopyDir: userPath.nullable().optional(),
    publicationWorkingDays: z.number().int().min(publicationWorkingDaysRange.min).max(publicationWorkingDaysRange.max).optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

const decisionRef = z.object({ decisionId: id }).strict();

export const recordsChannels = {
  sessionStatus: channel(z.tuple([]))<SessionStatus>(),
  setupAdmin: channel(z.tuple([z.object({ name: userName, displayName: text(64).min(1), password: newPassword }).strict()]))<SessionUser>(),
  login: channel(z.tuple([z.object({ name: userName, password }).strict()]))<SessionUser>(),
  logout: channel(z.tuple([]))<void>(),
  changePassword: channel(z.tuple([z.object({ oldPassword: password, newPassword }).strict()]))<void>(),

  listUsers: channel(z.tuple([]))<UserView[]>(),
  /** Account changes are signed with the acting admin's key, opened by `adminPassword` for that one change. */
  addUser: channel(z.tuple([z.object({ name: userName, displayName: text(64).min(1), password: newPassword, roles: z.array(roleSchema).min(1).max(4), adminPassword: password }).strict()]))<UserView>(),
  setUserRoles: channel(z.tuple([z.object({ name: userName, roles: z.array(roleSchema).max(4), adminPassword: password }).strict()]))<UserView>(),
  /** For a record begun before account changes were signed: the admin vouches for the accounts as they stand. */
  anchorAccounts: channel(z.tuple([z.object({ adminPassword: password }).strict()]))<SessionStatus>(),
  rekeyUser: channel(z.tuple([z.object({ name: userName, newPassword, adminPassword: password }).strict()]))<UserView>(),

  listDocuments: channel(z.tuple([documentFilterSchema]))<DocumentPage>(),
  getDocument: channel(z.tuple([z.object({ documentId: id }).strict()]))<PackedDocumentDetail>(),
  startImport: channel(z.tuple([z.object({ paths: z.array(userPath).min(1).max(10_000) }).strict()]))<{ jobId: string }>(),
  importStatus: channel(z.tuple([z.object({ jobId: text(64).min(1) }).strict()]))<ImportStatus>(),
  cancelImport: channel(z.tuple([z.object({ jobId: text(64).min(1) }).strict()]))<ImportStatus>(),

  basisOptions: channel(z.tuple([]))<BasisOption[]>(),
  saveDecision: channel(z.tuple([decisionInputSchema]))<DecisionView>(),
  submitDecision: channel(z.tuple([decisionRef]))<DecisionView>(),
  approveDecision: channel(z.tuple([z.object({ decisionId: id, comment: text(4000).optional() }).strict()]))<DecisionView>(),
  returnDecision: channel(z.tuple([z.object({ decisionId: id, grounds: z.array(returnGroundSchema).max(returnGrounds.length), reason: text(4000) }).strict()]))<DecisionView>(),
  /** What a signature would cover, before the password is asked (seq, chain head and time are fixed at signing). */
  signPreview: channel(z.tuple([decisionRef]))<SignStatement>(),
  signDecision: channel(z.tuple([z.object({ decisionId: id, password }).strict()]))<SignOff>(),
  queues: channel(z.tuple([z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict()]))<Queues>(),

  listAudit: channel(z.tuple([auditFilterSchema]))<AuditPage>(),
  verifyAudit: channel(z.tuple([z.object({ checkpointPath: userPath.optional() }).strict()]))<AuditVerifyReport>(),
  writeCheckpoint: channel(z.tuple([z.object({ path: savePath, password }).strict()]))<Checkpoint>(),

  getSettings: channel(z.tuple([]))<Settings>(),
  updateSettings: channel(z.tuple([settingsPatchSchema]))<Settings>(),
  backupNow: channel(z.tuple([z.object({ path: savePath }).strict()]))<BackupResult>(),
  restoreBackup: channel(z.tuple([z.object({ path: userPath }).strict()]))<SessionStatus>(),
  exportRedacted: channel(z.tuple([z.object({ decisionId: id, path: savePath, format: z.enum(['docx', 'txt']) }).strict()]))<RedactedExport>(),
};

export interface SignOff {
  statement: SignStatement;
  /** The exact bytes signed (after the domain prefix), UTF-8. */
  statementText: string;
  signature: string;
  publicKey: string;
  keyFingerprint: string;
  seq: number;
  decision: DecisionView;
}
