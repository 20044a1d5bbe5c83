import { beforeAll, describe, expect, it } from 'vitest';
import { openRecords } from '../../electron/core/ledger/open.ts';
import { schemaVersion } from '../../electron/core/db/migrations.ts';
import { listDocuments, loadDocument } from '../../electron/core/register/documents.ts';
import type { Context } from '../../electron/core/kernel/context.ts';
import type { DocumentFilter, DocumentRow, DocumentSortKey, RegisterState } from '../../shared/ipc/records.ts';
import type { Attribute, CategoryId, DecisionState, Finding } from '../../shared/types.ts';
import { extracted, finding, makeTeam, openTestRecords, scanned } from './helpers.ts';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A small alphabet, so one- and two-character terms hit some documents and miss others.
const alphabet = [...'关于行政处罚会议纪要项目资金通知决定人事任免安全生产第号年12345'];
const states: DecisionState[] = ['draft', 'submitted', 'returned', 'approved', 'signed'];
const attributes: Attribute[] = ['proactive', 'partial', 'on-request', 'withheld'];
const DOCUMENTS = 400;

interface Truth {
  row: DocumentRow;
  text: string | null;
}

let ctx: Context;
const truth: Truth[] = [];

beforeAll(() => {
  ctx = openTestRecords();
  const team = makeTeam(ctx);
  const next = random(20251122);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const word = (n: number) => Array.from({ length: n }, () => pick(alphabet)).join('');
  for (let i = 0; i < DOCUMENTS; i++) {
    const body = `${word(6 + Math.floor(next() * 20))}\n${word(4 + Math.floor(next() * 10))} ${word(3)}`;
    const text = `${body}\n编号${i}`;
    const classified = next() < 0.05;
    const year = 2019 + Math.floor(next() * 6);
    const doc = extracted(text, {
      title: next() < 0.1 ? null : `关于${word(2 + Math.floor(next() * 5))}的通知`,
      docNumber: next() < 0.2 ? null : `玉政发〔${year}〕${1 + Math.floor(next() * 99)}号`,
      date: next() < 0.1 ? null : `${year}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 10)}`,
      classification: classified ? { level: '秘密', period: null, raw: '秘密' } : null,
    });
    const findings: Finding[] = [];
    for (let c = 1; c <= 9; c++) {
      if (next() < 0.25) findings.push(finding(text, `编号${i}`, { id: `t${c}:${i}`, rule: `t${c}`, category: c as CategoryId, negated: next() < 0.2 }));
    }
    const { documentId } = loadDocument(ctx, team.drafter, doc, scanned(findings));
    if (next() < 0.7) {
      const updatedAt = new Date(Date.UTC(2025, 0, 1, 0, 0, Math.floor(next() * 500))).toISOString();
      ctx.store.write(() => ctx.store.documents.setStatus(documentId, { state: pick(states), attribute: pick(attributes), signedAttribute: null, signedDecisionId: null, updatedAt }));
    }
  }
  for (let id = 1; id <= DOCUMENTS; id++) truth.push({ row: ctx.store.documents.row(id)!, text: ctx.store.documents.get(id)!.text });
});

const sortValue: Record<DocumentSortKey, (r: DocumentRow) => string | number | null> = {
  loadedAt: (r) => r.id,
  updatedAt: (r) => r.updatedAt,
  date: (r) => r.date,
  docNumber: (r) => r.docNumber,
  title: (r) => r.title,
  state: (r) => r.state,
  attribute: (r) => r.attribute,
};

/** The register's meaning, written the slow, obvious way. */
function bruteForce(filter: DocumentFilter): { rows: DocumentRow[]; total: number } {
  const terms = (filter.query ?? '').trim().split(/\s+/).filter(Boolean);
  const matches = truth.filter(({ row, text }) => {
    if (filter.state && row.state !== filter.state) return false;
    if (filter.attribute && row.attribute !== filter.attribute) return false;
    if (filter.year !== undefined && row.year !== filter.year) return false;
    if (filter.category !== undefined && !(row.findingCounts[filter.category - 1]! > 0)) return false;
    return terms.every((t) => [row.docNumber, row.title, text].some((field) => field?.includes(t)));
  });
  const key = sortValue[filter.sort ?? 'loadedAt'];
  const sign = filter.direction === 'asc' ? 1 : -1;
  const rows = matches
    .map((m) => m.row)
    .sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return (x < y ? -1 : 1) * sign;
      }
      return (a.id - b.id) * sign;
    });
  const offset = filter.offset ?? 0;
  return { rows: rows.slice(offset, offset + (filter.limit ?? 100)), total: rows.length };
}

describe('register listing', () => {
  it('returns exactly what a brute-force filter finds, for every kind of filter, term length, sort and page', () => {
    const next = random(7);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    const sorts: DocumentSortKey[] = ['loadedAt', 'updatedAt', 'date', 'docNumber', 'title', 'state', 'attribute'];
    const registerStates: RegisterState[] = ['undecided', ...states];
    let nonEmpty = 0;
    for (let i = 0; i < 300; i++) {
      const terms = Array.from({ length: Math.floor(next() * 3) }, () => {
        const from = Math.floor(next() * (truth.length - 1));
        const source = [pick([truth[from]!.row.title, truth[from]!.row.docNumber, truth[from]!.text]) ?? '年'].join('').replace(/\s/g, '');
        const at = Math.floor(next() * Math.max(1, source.length - 4));
        return source.slice(at, at + 1 + Math.floor(next() * 4)) || '号';
      });
      const filter: DocumentFilter = {
        ...(next() < 0.3 ? { state: pick(registerStates) } : {}),
        ...(next() < 0.2 ? { attribute: pick(attributes) } : {}),
        ...(next() < 0.2 ? { year: 2019 + Math.floor(next() * 6) } : {}),
        ...(next() < 0.4 ? { category: 1 + Math.floor(next() * 9) } : {}),
        ...(terms.length ? { query: terms.join(next() < 0.5 ? ' ' : '  ') } : {}),
        sort: pick(sorts),
        direction: next() < 0.5 ? 'asc' : 'desc',
        offset: next() < 0.7 ? 0 : Math.floor(next() * 60),
        limit: 1 + Math.floor(next() * 80),
      };
      const expected = bruteForce(filter);
      expect(listDocuments(ctx, filter), JSON.stringify(filter)).toEqual(expected);
      if (expected.total > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it('finds one- and two-character terms in 发文字号, titles and text, but never in a classified draft’s withheld text', () => {
    const withheld = truth.filter((t) => t.text === null);
    expect(withheld.length).toBeGreaterThan(0);
    const onlyInWithheld = ['纪要', '罚', '12'].map((term) => ({ term, page: listDocuments(ctx, { query: term, limit: 1000 }) }));
    for (const { term, page } of onlyInWithheld) {
      expect(page).toEqual(bruteForce({ query: term, limit: 1000 }));
      for (const t of withheld) expect(page.rows.some((r) => r.id === t.row.id)).toBe([t.row.docNumber, t.row.title].some((f) => f?.includes(term)));
    }
    expect(listDocuments(ctx, { query: '〔', limit: 1000 }).total).toBe(truth.filter((t) => t.row.docNumber !== null).length);
  });

  it('fills the short-term index from the documents already stored when a version-2 record is opened', () => {
    const file = ctx.store.file;
    const before = listDocuments(ctx, { query: '纪 要', limit: 1000 });
    ctx.store.connection.exec('DROP TABLE documents_short');
    ctx.store.connection.pragma('user_version = 2');
    ctx.store.close();
    ctx = openRecords(file);
    expect(ctx.store.connection.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(listDocuments(ctx, { query: '纪 要', limit: 1000 })).toEqual(before);
    expect(before.total).toBeGreaterThan(0);
  });
});
