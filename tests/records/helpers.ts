import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { openRecords } from '../../electron/core/ledger/open.ts';
import { addUser, authenticate } from '../../electron/core/accounts/users.ts';
import { loadDocument } from '../../electron/core/register/documents.ts';
import { emptyMetadata } from '../../electron/core/metadata/index.ts';
import type { Actor, Context } from '../../electron/core/kernel/context.ts';
import type { Attribute, DocumentMetadata, ExtractedDocument, Finding, Role, ScanResult } from '../../shared/types.ts';
import type { DecisionInput } from '../../shared/ipc/records.ts';

export const password = 'correct horse 1';
/** Cheap scrypt so tests stay quick; the format records the cost, so nothing else changes. */
export const testCost = { N: 2 ** 10, r: 8, p: 1 };

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dd-records-'));
}

export function openTestRecords(file = path.join(tempDir(), 'test.sqlite')): Context {
  return openRecords(file, { cost: testCost });
}

export interface Team {
  admin: Actor;
  drafter: Actor;
  reviewer: Actor;
  signer: Actor;
  /** Holds every role: proves separation of duties is about the person, not the role. */
  all: Actor;
}

export function makeTeam(ctx: Context): Team {
  const make = (name: string, roles: Role[], by: Actor | null) => {
    addUser(ctx, by && { actor: by, password }, { name, displayName: name, password, roles });
    return authenticate(ctx, name, password, 'app');
  };
  const admin = make('admin', ['admin'], null);
  return {
    admin,
    drafter: make('drafter', ['drafter'], admin),
    reviewer: make('reviewer', ['reviewer'], admin),
    signer: make('signer', ['signer'], admin),
    all: make('all', ['drafter', 'reviewer', 'signer'], admin),
  };
}

export function metadata(partial: Partial<DocumentMetadata> = {}): DocumentMetadata {
  return { ...emptyMetadata(), ...partial };
}

export function extracted(text: string, meta: Partial<DocumentMetadata> = {}, fileName = 'draft.txt'): ExtractedDocument {
  const lines = text.split('\n');
  let at = 0;
  const paragraphs = lines.map((line) => {
    const p = { start: at, end: at + line.length, page: null, zone: 'body' as const, kind: 'paragraph' as const };
    at += line.length + 1;
    return p;
  });
  return {
    fileName,
    format: 'txt',
    sha256: crypto.createHash('sha256').update(text).digest('hex'),
    byteSize: Buffer.byteLength(text),
    text,
    paragraphs,
    pageCount: null,
    charCount: text.length,
    metadata: metadata(meta),
    warnings: [],
  };
}

/** A finding on the first occurrence of `term` in `text`. */
export function finding(text: string, term: string, extra: Partial<Finding> = {}): Finding {
  const start = text.indexOf(term);
  if (start < 0) throw new Error(`${term} not in text`);
  return {
    id: `${extra.rule ?? 'pii.id-card'}:${start}`,
    category: 1,
    term,
    start,
    end: start + term.length,
    page: null,
    zone: 'body',
    kind: 'pii',
    piiType: 'id-card',
    score: 0.9,
    negated: false,
    rule: 'pii.id-card',
    explanation: '身份证号',
    basis: ['条例第十五条'],
    ...extra,
  };
}

export function scanned(findings: Finding[], attribute: Attribute = findings.length ? 'partial' : 'proactive'): ScanResult {
  return { findings, suggestion: { attribute, reasons: [], basis: [], redactions: [], warnings: [] }, lexiconVersion: 'test-lexicon-1' };
}

export const sampleText = '关于张三行政处罚的决定\n当事人：张三，身份证号110101199003071234，手机13812345678。\n经查，当事人违法事实清楚，决定罚款五百元。';

/** Loads the sample (or a variant) as `drafter`: one finding on the ID number. */
export function loadSample(ctx: Context, drafter: Actor, text = sampleText, meta: Partial<DocumentMetadata> = {}) {
  const doc = extracted(text, meta);
  const findings = text.includes('110101199003071234') ? [finding(text, '110101199003071234')] : [];
  const outcome = loadDocument(ctx, drafter, doc, scanned(findings));
  return { doc, findings, outcome };
}

/** The plainest complete decision on a sample: 个人隐私 under 条例第十五条, its finding redacted (partial) or confirmed (withheld). */
export function privacyDecision(documentId: number, findingId: string, attribute: 'partial' | 'withheld' = 'partial', justification = ''): DecisionInput {
  return {
    documentId,
    attribute,
    reason: '个人隐私',
    basis: ['条例第十五条'],
    basisText: '',
    justification,
    dispositions: [{ findingId, action: attribute === 'partial' ? 'redact' : 'confirm', reason: '' }],
    redactions: [],
    channels: attribute === 'partial' ? ['website'] : [],
  };
}
