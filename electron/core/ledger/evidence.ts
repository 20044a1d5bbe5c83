import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical.ts';
import { sha256Hex } from './crypto.ts';
import { dispositionSet, type Expected, type Replay, type Row } from './replay.ts';
import type { RawRow } from '../db/evidence.ts';
import type { Store } from '../db/store.ts';
import { verifyBundleText } from '../inspection/bundle/verify.ts';
import type { SignedBundle } from '../../../shared/ipc/inspection.ts';

/**
 * Columns an attacker may edit without `audit verify` noticing, each with why that is harmless. Everything else
 * in the record is evidence: it must equal what the chain implies, and a test edits every column of every table
 * to prove it (tests/records/tamper-fuzz.test.ts).
 */
export const nonEvidentialColumns: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  users: {
    passwordHash:
      'only lets someone sign in: whoever can write the file can already append unsigned entries, and nothing signed can be made without the private key, which the chain pins by its public key',
    encryptedPrivateKey: 'a replaced sealed key either fails to open or signs with a key whose public half is not the one the chain trusts, so every signature it makes fails verification',
  },
};

/** Tables the app derives and never acts on as evidence: search indexes, rebuilt from the documents they point at. */
export const derivedTables: Readonly<Record<string, string>> = {
  documents_fts: 'search index (trigram) over 发文字号, 标题 and text: it only narrows which register rows are listed; every listed row is read from documents',
  documents_short: 'search index for one- and two-character terms: it only narrows which register rows are listed',
};

export const isDerivedTable = (table: string) => Object.keys(derivedTables).some((t) => table === t || table.startsWith(`${t}_`));

/** The columns of a register entry that never change once loaded; their hash goes into the chain at load. */
const documentHeaderColumns = [
  'sha256', 'fileName', 'format', 'byteSize', 'pageCount', 'charCount', 'docNumber', 'title', 'docDate', 'year', 'classification',
  'metadata', 'warnings', 'findingCounts', 'suggestedAttribute', 'lexiconVersion', 'revisionOf', 'loadedBy', 'loadedAt',
] as const;

const pick = (row: RawRow, columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, row[c]]));

export const documentHeaderSha256 = (row: RawRow): string => sha256Hex(canonicalJson(pick(row, documentHeaderColumns)));
/** Characters of a long string escaped and hashed at a time. */
const HASH_CHUNK = 1 << 20;

/**
 * sha256Hex(canonicalJson(pick(row, columns))) for a row of text and number columns, fed to the hash piece by
 * piece: the content row of a 60 MB text would otherwise be escaped into one string several times its size.
 */
function flatRowSha256(row: RawRow, columns: readonly string[]): string {
  const hash = createHash('sha256');
  const keys = columns.filter((c) => row[c] !== undefined).sort();
  hash.update('{');
  keys.forEach((key, i) => {
    hash.update(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`);
    const value = row[key];
    if (typeof value !== 'string' || value.length <= HASH_CHUNK) return void hash.update(canonicalJson(value));
    hash.update('"');
    for (let at = 0; at < value.length; ) {
      let end = Math.min(at + HASH_CHUNK, value.length);
      // A surrogate pair split between two pieces would be escaped as two lone halves.
      const last = value.charCodeAt(end - 1);
      if (end < value.length && last >= 0xd800 && last <= 0xdbff) end--;
      hash.update(JSON.stringify(value.slice(at, end)).slice(1, -1));
      at = end;
    }
    hash.update('"');
  });
  hash.update('}');
  return hash.digest('hex');
}

export const documentContentSha256 = (row: RawRow): string => flatRowSha256(row, ['text', 'paragraphs', 'findings', 'suggestion']);

export interface Mismatch {
  table: string;
  key: string;
  column: string;
  /** The entry that defines the expected value; 0 when the row has no entry at all. */
  seq: number;
}

const asJson = (value: unknown): string => {
  if (typeof value !== 'string') return canonicalJson(value ?? null);
  try {
    return canonicalJson(JSON.parse(value));
  } catch {
    return `\u0000${value}`;
  }
};

/** Compares the columns an expected row names with the stored row; JSON columns by their canonical form. */
function compare(table: string, key: string, stored: RawRow, expected: Expected, json: readonly string[] = []): Mismatch | null {
  for (const [column, want] of Object.entries(expected.row)) {
    if (!(column in stored)) continue;
    const got = stored[column];
    const same = json.includes(column) ? asJson(got) === asJson(want) : got === want;
    if (!same) return { table, key, column, seq: expected.seq };
  }
  return null;
}

/** Walks stored rows and expected rows by key together: a row either side without its partner is a mismatch too. */
function matchRows(table: string, rows: Iterable<RawRow>, keyOf: (r: RawRow) => string, expected: ReadonlyMap<string, Expected>, check: (stored: RawRow, want: Expected, key: string) => Mismatch | null): Mismatch | null {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row);
    const want = expected.get(key);
    if (!want) return { table, key, column: '*', seq: 0 };
    seen.add(key);
    const problem = check(row, want, key);
    if (problem) return problem;
  }
  for (const [key, want] of expected) if (!seen.has(key)) return { table, key, column: '*', seq: want.seq };
  return null;
}

const byKey = <K>(map: ReadonlyMap<K, Expected>) => new Map([...map].map(([k, v]) => [String(k), v]));

/** Every evidential table against the replayed chain; the first mismatch, or null. */
export function checkTables(store: Store, replay: Replay): Mismatch | null {
  const ev = store.evidence;
  const checks: (() => Mismatch | null)[] = [
    () => matchRows('meta', ev.rows('meta'), (r) => String(r.key), new Map(replay.installationId ? [['installationId', replay.installationId]] : []), (s, w, k) => compare('meta', k, s, w, ['value'])),
    () => matchRows('settings', ev.rows('settings'), (r) => String(r.key), byKey(replay.settings), (s, w, k) => compare('settings', k, s, w, ['value'])),
    () => checkUsers(store, replay),
    () => checkDocuments(store, replay),
    () =>
      matchRows('decisions', ev.rows('decisions'), (r) => String(r.id), byKey(replay.decisions), (s, w, k) => {
        const { dispositions, ...rest } = w.row;
        if (dispositionSet(JSON.parse(String(s.dispositions))) !== dispositionSet(dispositions)) return { table: 'decisions', key: k, column: 'dispositions', seq: w.seq };
        return compare('decisions', k, s, { row: rest, seq: w.seq }, ['basis', 'redactions', 'channels', 'returnGrounds']);
      }),
    () => matchRows('info_requests', ev.rows('info_requests'), (r) => String(r.id), byKey(replay.requests), (s, w, k) => compare('info_requests', k, s, w)),
    () => matchRows('request_appeals', ev.rows('request_appeals'), (r) => String(r.id), byKey(replay.appeals), (s, w, k) => compare('request_appeals', k, s, w)),
    () => matchRows('inspections', ev.rows('inspections'), (r) => String(r.year), byKey(replay.inspections), (s, w, k) => compare('inspections', k, s, w, ['config', 'summary', 'annual'])),
    () => checkItems(store, replay),
    () => checkBundles(store, replay),
    () => matchRows('publications', ev.rows('publications'), (r) => String(r.id), byKey(replay.publications), (s, w, k) => compare('publications', k, s, w)),
    () => matchRows('publication_profiles', ev.rows('publication_profiles'), (r) => String(r.documentId), byKey(replay.publicationProfiles), (s, w, k) => compare('publication_profiles', k, s, w)),
  ];
  for (const check of checks) {
    const problem = check();
    if (problem) return problem;
  }
  return null;
}

function checkUsers(store: Store, replay: Replay): Mismatch | null {
  const problem = matchRows('users', store.evidence.rows('users'), (r) => String(r.id), byKey(replay.users), (s, w, k) => {
    const { roles: _roles, ...columns } = w.row;
    return compare('users', k, s, { row: columns, seq: w.seq });
  });
  if (problem) return problem;
  const stored = new Map<string, string[]>();
  for (const r of store.evidence.rows('user_roles')) stored.set(String(r.userId), [...(stored.get(String(r.userId)) ?? []), String(r.role)]);
  for (const [id, want] of replay.users) {
    const got = (stored.get(String(id)) ?? []).sort();
    stored.delete(String(id));
    if (canonicalJson(got) !== canonicalJson(want.row.roles)) return { table: 'user_roles', key: String(id), column: 'role', seq: want.seq };
  }
  for (const id of stored.keys()) return { table: 'user_roles', key: id, column: '*', seq: 0 };
  return null;
}

function checkDocuments(store: Store, replay: Replay): Mismatch | null {
  const ev = store.evidence;
  const counts = new Map<number, unknown>();
  const expectedDocs = new Map([...replay.documents].map(([id, d]) => [String(id), d.expected]));
  const problem = matchRows('documents', ev.rows('documents'), (r) => String(r.id), expectedDocs, (s, w, k) => {
    const doc = replay.documents.get(Number(k))!;
    counts.set(Number(k), s.findingCounts);
    if (doc.headerSha256 !== null) {
      if (documentHeaderSha256(s) !== doc.headerSha256) return { table: 'documents', key: k, column: 'header', seq: w.seq };
    } else {
      const legacy = compare('documents', k, s, { row: Object.fromEntries(Object.entries(doc.legacy).filter(([c, v]) => v !== undefined && c in s)), seq: w.seq });
      if (legacy) return legacy;
    }
    return compare('documents', k, s, w);
  });
  if (problem) return problem;
  const contentProblem = matchRows('document_content', ev.rows('document_content'), (r) => String(r.documentId), expectedDocs, (s, w, k) => {
    const doc = replay.documents.get(Number(k))!;
    const mismatch = (column: string): Mismatch => ({ table: 'document_content', key: k, column, seq: w.seq });
    if (doc.contentSha256 !== null) return documentContentSha256(s) === doc.contentSha256 ? null : mismatch('content');
    if (typeof doc.legacy.findingsSha256 === 'string' && sha256Hex(asJson(s.findings)) !== doc.legacy.findingsSha256) return mismatch('findings');
    if (typeof doc.legacy.suggestionSha256 === 'string' && sha256Hex(asJson(s.suggestion)) !== doc.legacy.suggestionSha256) return mismatch('suggestion');
    if (typeof doc.legacy.textSha256 === 'string' && (typeof s.text !== 'string' || sha256Hex(s.text) !== doc.legacy.textSha256)) return mismatch('text');
    return null;
  });
  if (contentProblem) return contentProblem;
  const categories = new Map<string, Expected>();
  for (const [id, raw] of counts) {
    (JSON.parse(String(raw)) as number[]).forEach((count, i) => {
      if (count > 0) categories.set(`${id}:${i + 1}`, { row: { count }, seq: replay.documents.get(id)!.expected.seq });
    });
  }
  return matchRows('document_categories', ev.rows('document_categories'), (r) => `${String(r.documentId)}:${String(r.category)}`, categories, (s, w, k) => compare('document_categories', k, s, w));
}

function checkItems(store: Store, replay: Replay): Mismatch | null {
  const stored: RawRow[] = [...store.evidence.rows('inspection_items')];
  const problem = matchRows('inspection_items', stored, (r) => `${String(r.year)}:${String(r.documentId)}`, replay.items, (s, w, k) => compare('inspection_items', k, s, w, ['rules']));
  if (problem) return problem;
  for (const [year, closed] of replay.closedItemHashes) {
    if (closed.sha256 === null) continue;
    if (inspectionItemsSha256(stored.filter((r) => r.year === year)) !== closed.sha256) return { table: 'inspection_items', key: String(year), column: '*', seq: closed.seq };
  }
  return null;
}

/**
 * Bundles are re-verified from the bytes kept in the row (the unit's signature covers them); what the row says of
 * them, and who imported them when, must match the bundle and its import entry. Pinned unit keys follow from the
 * imports in chain order: a unit's first bundle pins its key, a bundle under another key re-pins it.
 */
function checkBundles(store: Store, replay: Replay): Mismatch | null {
  const bodies = new Map<string, SignedBundle>();
  const expected = new Map<string, Expected>();
  const pins = new Map<string, Expected>();
  let id = 0;
  const rows = [...store.evidence.rows('bundles')];
  const bySha = new Map(rows.map((r) => [String(r.sha256), r]));
  for (const [sha256, entry] of replay.bundleImports) {
    id++;
    const row = bySha.get(sha256);
    const verified = row ? verifyBundleText(new TextEncoder().encode(String(row.body)), '') : null;
    if (!verified?.bundle || verified.check.sha256 !== sha256) return { table: 'bundles', key: String(row?.id ?? id), column: 'body', seq: entry.seq };
    const b = verified.bundle;
    bodies.set(sha256, b);
    expected.set(String(id), {
      row: { id, sha256, installationId: b.unit.installationId, unitName: b.unit.name, year: b.year, keyFingerprint: b.signer.keyFingerprint, closedAt: b.inspection.closedAt, figures: canonicalJson({ summary: b.summary, annual: b.annual }), importedBy: entry.user, importedAt: entry.time },
      seq: entry.seq,
    });
    const pinned = pins.get(b.unit.installationId);
    if (!pinned || pinned.row.keyFingerprint !== b.signer.keyFingerprint) {
      pins.set(b.unit.installationId, { row: { installationId: b.unit.installationId, unitName: b.unit.name, keyFingerprint: b.signer.keyFingerprint, publicKey: b.signer.publicKey, pinnedAt: entry.time }, seq: entry.seq });
    }
  }
  return (
    matchRows('bundles', rows, (r) => String(r.id), expected, (s, w, k) => compare('bundles', k, s, w, ['figures'])) ??
    matchRows('unit_keys', store.evidence.rows('unit_keys'), (r) => String(r.installationId), pins, (s, w, k) => compare('unit_keys', k, s, w))
  );
}

/** The hash of a year's worklist as stored, written into the closing entry so the closed 台账 cannot change afterwards. */
export const inspectionItemsSha256 = (rows: readonly RawRow[]): string =>
  sha256Hex(canonicalJson([...rows].sort((a, b) => Number(a.documentId) - Number(b.documentId)).map((r) => ({ ...r, rules: asJson(r.rules) }))));

export type { Row };
