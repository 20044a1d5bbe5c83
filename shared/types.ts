// Domain types shared by core, CLI and UI. Pure: no Node, no DOM.

export type Attribute = 'proactive' | 'partial' | 'on-request' | 'withheld';
export type CategoryId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
export type DocFormat = 'docx' | 'xlsx' | 'pdf' | 'ofd' | 'txt';

/** GB/T 9704 zones: 版头, 主体, 版记. */
export type Zone = 'header' | 'body' | 'footer';

export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  /** 1-based page number where the format has pages, otherwise null. */
  page: number | null;
  zone: Zone;
  kind: 'title' | 'heading' | 'paragraph' | 'table' | 'footnote' | 'list';
}

export type ClassificationLevel = '绝密' | '机密' | '秘密';

export interface Classification {
  level: ClassificationLevel;
  /** e.g. "5年", "长期"; null when the marking has no period. */
  period: string | null;
  raw: string;
}

/** GB/T 9704-2012 elements. Every field may be absent: never invented. */
export interface DocumentMetadata {
  copyNumber: string | null; // 份号
  classification: Classification | null; // 密级和保密期限
  urgency: '特急' | '加急' | '急件' | null; // 紧急程度 (急件 is the pre-2012 marking, kept as written)
  issuerMark: string | null; // 发文机关标志
  docNumber: string | null; // 发文字号, normalised to 〔〕
  docNumberRaw: string | null;
  signer: string | null; // 签发人
  title: string | null; // 标题
  addressee: string | null; // 主送机关
  attachments: string[]; // 附件说明
  issuer: string | null; // 发文机关署名
  date: string | null; // 成文日期, ISO YYYY-MM-DD
  dateRaw: string | null;
  note: string | null; // 附注, e.g. （此件公开发布）
  cc: string | null; // 抄送
  printedBy: string | null; // 印发机关
  printedDate: string | null; // 印发日期, ISO
}

export interface ExtractedDocument {
  fileName: string;
  format: DocFormat;
  sha256: string;
  byteSize: number;
  text: string;
  paragraphs: Paragraph[];
  pageCount: number | null;
  charCount: number;
  metadata: DocumentMetadata;
  /** Non-fatal notes for the reader, in Chinese (e.g. an OFD signature that redaction would void). */
  warnings: string[];
}

export type IntakeErrorCode =
  | 'not-found'
  | 'empty'
  | 'corrupt'
  | 'encrypted'
  | 'no-text-layer'
  | 'wrong-type'
  | 'too-large'
  | 'unsupported'
  | 'timeout';

export interface IntakeError {
  code: IntakeErrorCode;
  /** Chinese, names the file. */
  message: string;
}

export type IntakeResult =
  | { ok: true; document: ExtractedDocument }
  | { ok: false; fileName: string; error: IntakeError };

/** Defaults and allowed ranges live in intake-limits.ts. */
export interface IntakeLimits {
  maxBytes: number;
  /** Of XML and other parts inflated from a zip-based file. */
  maxExpandedBytes: number;
  timeoutMs: number;
}

export type PiiType = 'id-card' | 'mobile' | 'phone' | 'bank-card' | 'uscc' | 'email' | 'plate' | 'name' | 'address';

export interface Finding extends Span {
  /** Stable within one scan: `${rule}:${start}`. */
  id: string;
  category: CategoryId;
  term: string;
  page: number | null;
  zone: Zone;
  kind: 'term' | 'pii';
  piiType: PiiType | null;
  score: number;
  negated: boolean;
  rule: string;
  /** Chinese, says why it was flagged and on what basis. */
  explanation: string;
  basis: string[];
}

export interface Suggestion {
  attribute: Attribute;
  reasons: string[];
  basis: string[];
  /** For partial: spans to redact. */
  redactions: Span[];
  /** 附注 checks and similar, in Chinese. */
  warnings: string[];
}

export interface ScanResult {
  findings: Finding[];
  suggestion: Suggestion;
  lexiconVersion: string;
}

export type Role = 'drafter' | 'reviewer' | 'signer' | 'admin';

export type DecisionState = 'draft' | 'submitted' | 'returned' | 'approved' | 'signed';

/** Error crossing IPC and the browser twin. `message` is Chinese. */
export interface ApiError {
  code: string;
  message: string;
}

export type DispositionAction = 'confirm' | 'dismiss' | 'redact';

export interface Disposition {
  findingId: string;
  /** confirm: the concern is real (withhold); dismiss: a false alarm; redact: remove this span in the public copy. */
  action: DispositionAction;
  reason: string;
}
