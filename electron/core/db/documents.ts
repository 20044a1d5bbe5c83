import type { Connection } from './connection.ts';
import { canonicalJson } from '../../../shared/canonical.ts';
import type { Attribute, ClassificationLevel, DecisionState, DocFormat, DocumentMetadata, Finding, Paragraph, Suggestion } from '../../../shared/types.ts';
import { shortTermQuery, shortTermTokens } from './short-terms.ts';
import { preparedCache } from './prepared.ts';
import { packObjects, unpackObjects } from './compact-json.ts';

type RegisterState = 'undecided' | DecisionState;

/** A register entry as the register lists it. */
interface RegisterRow {
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

/** The bulky part of a document, immutable once stored. */
export interface DocumentContent {
  /** Null when not kept: a classified draft on a computer not declared approved. */
  text: string | null;
  paragraphs: Paragraph[];
  findings: Finding[];
  suggestion: Suggestion;
}

type DocumentSortKey = 'loadedAt' | 'updatedAt' | 'date' | 'docNumber' | 'title' | 'state' | 'attribute';

/** Which register entries to list, in what order; all conditions must hold, `query`'s terms all match. */
interface DocumentQuery {
  state?: RegisterState;
  attribute?: Attribute;
  year?: number;
  category?: number;
  query?: string;
  sort?: DocumentSortKey;
  direction?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** A register entry without its bulky content. */
export interface DocumentHeader extends RegisterRow {
  byteSize: number;
  pageCount: number | null;
  charCount: number;
  metadata: DocumentMetadata;
  warnings: string[];
  lexiconVersion: string;
  loadedBy: number;
  signedDecisionId: number | null;
  /** Whether the text was kept (see document_content.text). */
  textStored: boolean;
}

export interface StoredDocument extends DocumentHeader, DocumentContent {}

/** What a load writes: the parts of a stored document the loader knows; the register fills in the rest. */
type NewDocument = DocumentContent &
  Pick<StoredDocument, 'sha256' | 'fileName' | 'format' | 'byteSize' | 'pageCount' | 'charCount' | 'metadata' | 'warnings' | 'findingCounts' | 'lexiconVersion' | 'revisionOf' | 'loadedBy' | 'loadedAt'>;

interface CachedContent {
  sha256: string;
  content: DocumentContent;
}

/** Parsed contents kept per connection: a 300-page document's findings take tens of ms to parse, and never change. */
const CONTENT_CACHE_SIZE = 4;

interface DocumentStatus {
  state: RegisterState;
  attribute: Attribute | null;
  signedAttribute: Attribute | null;
  signedDecisionId: number | null;
  updatedAt: string;
}

const rowColumns =
  'id, sha256, fileName, format, docNumber, title, docDate, year, classification, state, attribute, signedAttribute, suggestedAttribute, findingCounts, revisionOf, loadedAt, updatedAt';

/** A RegisterRow as its columns hold it: the date under its column name, the counts as JSON text. */
interface RawRow extends Omit<RegisterRow, 'date' | 'findingCounts'> {
  docDate: string | null;
  findingCounts: string;
}

const toRow = (r: RawRow): RegisterRow => ({
  id: r.id,
  sha256: r.sha256,
  fileName: r.fileName,
  format: r.format,
  docNumber: r.docNumber,
  title: r.title,
  date: r.docDate,
  year: r.year,
  classification: r.classification,
  state: r.state,
  attribute: r.attribute,
  signedAttribute: r.signedAttribute,
  suggestedAttribute: r.suggestedAttribute,
  findingCounts: JSON.parse(r.findingCounts) as number[],
  revisionOf: r.revisionOf,
  loadedAt: r.loadedAt,
  updatedAt: r.updatedAt,
});

const sortColumns: Record<DocumentSortKey, string> = {
  loadedAt: 'id',
  updatedAt: 'updatedAt',
  date: 'docDate',
  docNumber: 'docNumber',
  title: 'title',
  state: 'state',
  attribute: 'attribute',
};

/** Trigram search needs three characters; shorter terms go to the pair index (short-terms.ts). */
const trigramMinimum = 3;

interface Condition {
  sql: string;
  param: unknown;
}

/** The filter as SQL conditions: `columns` on the documents table, `search` as sets of matching ids. */
function conditions(filter: DocumentQuery): { columns: Condition[]; search: Condition[] } {
  const columns: Condition[] = [];
  if (filter.state) columns.push({ sql: 'state = ?', param: filter.state });
  if (filter.attribute) columns.push({ sql: 'attribute = ?', param: filter.attribute });
  if (filter.year !== undefined) columns.push({ sql: 'year = ?', param: filter.year });
  // Correlated, so a page walks the sort index and probes each row instead of sorting every document of the category.
  if (filter.category !== undefined) columns.push({ sql: 'EXISTS (SELECT 1 FROM document_categories c WHERE c.category = ? AND c.documentId = documents.id)', param: filter.category });
  const terms = (filter.query ?? '').trim().split(/\s+/).filter(Boolean);
  const long = terms.filter((t) => [...t].length >= trigramMinimum);
  const short = terms.filter((t) => [...t].length < trigramMinimum);
  const search: Condition[] = [];
  if (long.length > 0) search.push({ sql: 'SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?', param: long.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ') });
  if (short.length > 0) search.push({ sql: 'SELECT rowid FROM documents_short WHERE documents_short MATCH ?', param: shortTermQuery(short) });
  return { columns, search };
}

function where(parts: Condition[]): { sql: string; params: unknown[] } {
  return { sql: parts.length ? `WHERE ${parts.map((p) => p.sql).join(' AND ')}` : '', params: parts.map((p) => p.param) };
}

/**
 * A page sorted by a column walks that column's index and tests each row against the matching ids (`+id`
 * keeps SQLite from driving the query by the id list, which would sort every match to show a hundred).
 */
function pageQuery(filter: DocumentQuery, byId: boolean): { sql: string; params: unknown[] } {
  const { columns, search } = conditions(filter);
  const idColumn = byId ? 'id' : '+id';
  return where([...columns, ...search.map((s) => ({ sql: `${idColumn} IN (${s.sql})`, param: s.param }))]);
}

/** Counted on the narrowest index that answers it: the search index alone, the category index alone, or the documents. */
function countQuery(filter: DocumentQuery): { sql: string; params: unknown[] } {
  const { columns, search } = conditions(filter);
  if (columns.length === 0 && search.length > 0) {
    return { sql: `SELECT count(*) FROM (${search.map((s) => s.sql).join(' INTERSECT ')})`, params: search.map((s) => s.param) };
  }
  if (columns.length === 1 && filter.category !== undefined) {
    const ids = search.map((s) => ` AND documentId IN (${s.sql})`).join('');
    return { sql: `SELECT count(*) FROM document_categories WHERE category = ?${ids}`, params: [filter.category, ...search.map((s) => s.param)] };
  }
  const w = where([...columns, ...search.map((s) => ({ sql: `id IN (${s.sql})`, param: s.param }))]);
  return { sql: `SELECT count(*) FROM documents ${w.sql}`, params: w.params };
}

export function documentsRepository(db: Connection) {
  const insert = db.prepare(`INSERT INTO documents (sha256, fileName, format, byteSize, pageCount, charCount, docNumber, title, docDate, year, classification,
    metadata, warnings, findingCounts, suggestedAttribute, lexiconVersion, revisionOf, loadedBy, loadedAt, updatedAt)
    VALUES (@sha256, @fileName, @format, @byteSize, @pageCount, @charCount, @docNumber, @title, @docDate, @year, @classification,
    @metadata, @warnings, @findingCounts, @suggestedAttribute, @lexiconVersion, @revisionOf, @loadedBy, @loadedAt, @loadedAt)`);
  const insertContent = db.prepare('INSERT INTO document_content (documentId, text, paragraphs, findings, suggestion) VALUES (@documentId, @text, @paragraphs, @findings, @suggestion)');
  const insertFts = db.prepare('INSERT INTO documents_fts (rowid, docNumber, title, text) VALUES (?, ?, ?, ?)');
  const insertShort = db.prepare('INSERT INTO documents_short (rowid, tokens) VALUES (?, ?)');
  const insertCategory = db.prepare('INSERT INTO document_categories (documentId, category, count) VALUES (?, ?, ?)');
  const idBySha = db.prepare('SELECT id FROM documents WHERE sha256 = ?').pluck();
  const shaById = db.prepare('SELECT sha256 FROM documents WHERE id = ?').pluck();
  const idsByShaPrefix = db.prepare("SELECT id FROM documents WHERE sha256 >= ? AND sha256 < ? || 'g' LIMIT 2").pluck();
  const header = db.prepare('SELECT d.*, c.text IS NOT NULL AS textStored FROM documents d JOIN document_content c ON c.documentId = d.id WHERE d.id = ?');
  const contentById = db.prepare('SELECT text, paragraphs, findings, suggestion FROM document_content WHERE documentId = ?');
  const contentCache = new Map<number, CachedContent>();
  const cachedContent = (id: number, sha256: string): CachedContent => {
    let entry = contentCache.get(id);
    if (entry?.sha256 === sha256) {
      // Re-inserted so the map's order is least recently used first.
      contentCache.delete(id);
      contentCache.set(id, entry);
      return entry;
    }
    const c = contentById.get(id) as { text: string | null; paragraphs: string; findings: string; suggestion: string };
    const content: DocumentContent = {
      text: c.text,
      paragraphs: unpackObjects<Paragraph>(c.paragraphs),
      findings: unpackObjects<Finding>(c.findings),
      suggestion: JSON.parse(c.suggestion) as Suggestion,
    };
    entry = { sha256, content };
    contentCache.set(id, entry);
    if (contentCache.size > CONTENT_CACHE_SIZE) contentCache.delete(contentCache.keys().next().value!);
    return entry;
  };
  const rowById = db.prepare(`SELECT ${rowColumns} FROM documents WHERE id = ?`);
  const byDocNumber = db.prepare('SELECT id FROM documents WHERE docNumber = ? AND sha256 <> ? ORDER BY id DESC LIMIT 1').pluck();
  const byTitle = db.prepare('SELECT id FROM documents WHERE title = ? AND sha256 <> ? AND (docNumber IS NULL OR ? IS NULL) ORDER BY id DESC LIMIT 1').pluck();
  const laterRevisions = db.prepare(`SELECT ${rowColumns} FROM documents WHERE revisionOf = ? ORDER BY id`);
  const setStatus = db.prepare('UPDATE documents SET state = @state, attribute = @attribute, signedAttribute = @signedAttribute, signedDecisionId = @signedDecisionId, updatedAt = @updatedAt WHERE id = @id');
  const cached = preparedCache(db);
  const readHeader = (id: number): DocumentHeader | null => {
    const r = header.get(id) as (RawRow & Record<string, unknown>) | undefined;
    if (!r) return null;
    return {
      ...toRow(r),
      byteSize: r.byteSize as number,
      pageCount: r.pageCount as number | null,
      charCount: r.charCount as number,
      metadata: JSON.parse(r.metadata as string) as DocumentMetadata,
      warnings: JSON.parse(r.warnings as string) as string[],
      lexiconVersion: r.lexiconVersion as string,
      loadedBy: r.loadedBy as number,
      signedDecisionId: r.signedDecisionId as number | null,
      textStored: r.textStored === 1,
    };
  };

  return {
    insert(doc: NewDocument): number {
      const m = doc.metadata;
      const id = Number(
        insert.run({
          sha256: doc.sha256,
          fileName: doc.fileName,
          format: doc.format,
          byteSize: doc.byteSize,
          pageCount: doc.pageCount,
          charCount: doc.charCount,
          docNumber: m.docNumber,
          title: m.title,
          docDate: m.date,
          year: m.date ? Number(m.date.slice(0, 4)) : null,
          classification: m.classification?.level ?? null,
          metadata: canonicalJson(m),
          warnings: canonicalJson(doc.warnings),
          findingCounts: canonicalJson(doc.findingCounts),
          suggestedAttribute: doc.suggestion.attribute,
          lexiconVersion: doc.lexiconVersion,
          revisionOf: doc.revisionOf,
          loadedBy: doc.loadedBy,
          loadedAt: doc.loadedAt,
        }).lastInsertRowid,
      );
      insertContent.run({
        documentId: id,
        text: doc.text,
        paragraphs: packObjects(doc.paragraphs),
        findings: packObjects(doc.findings),
        suggestion: canonicalJson(doc.suggestion),
      });
      insertFts.run(id, m.docNumber, m.title, doc.text);
      insertShort.run(id, shortTermTokens([m.docNumber, m.title, doc.text]));
      doc.findingCounts.forEach((count, i) => {
        if (count > 0) insertCategory.run(id, i + 1, count);
      });
      return id;
    },
    idBySha: (sha256: string) => (idBySha.get(sha256) as number | undefined) ?? null,
    shaOf: (id: number) => (shaById.get(id) as string | undefined) ?? null,
    /** At most two matches: enough to tell unique from ambiguous. */
    idsByShaPrefix: (prefix: string) => idsByShaPrefix.all(prefix, prefix) as number[],
    /** The latest earlier version: same 发文字号, or same title where one side has no 发文字号. */
    findEarlierVersion(sha256: string, docNumber: string | null, title: string | null): number | null {
      if (docNumber) {
        const id = byDocNumber.get(docNumber, sha256) as number | undefined;
        if (id !== undefined) return id;
      }
      if (title) return (byTitle.get(title, sha256, docNumber) as number | undefined) ?? null;
      return null;
    },
    header: readHeader,
    /** The parsed content is shared between callers: read it, never change it. */
    get(id: number): StoredDocument | null {
      const h = readHeader(id);
      return h && { ...h, ...cachedContent(h.id, h.sha256).content };
    },
    /** The same object while the document stays in the cache, so a view built from it can be kept beside it. */
    content: (doc: DocumentHeader) => cachedContent(doc.id, doc.sha256).content,
    row(id: number): RegisterRow | null {
      const r = rowById.get(id) as RawRow | undefined;
      return r ? toRow(r) : null;
    },
    laterRevisions: (id: number) => (laterRevisions.all(id) as RawRow[]).map(toRow),
    setStatus(id: number, status: DocumentStatus): void {
      setStatus.run({ id, ...status });
    },
    list(filter: DocumentQuery): { rows: RegisterRow[]; total: number } {
      const count = countQuery(filter);
      const total = cached(count.sql).pluck().get(count.params) as number;
      const offset = filter.offset ?? 0;
      // Nothing to show: skip the page, which would walk the whole sort index to find no row.
      if (offset >= total) return { rows: [], total };
      const column = sortColumns[filter.sort ?? 'loadedAt'];
      const page = pageQuery(filter, column === 'id');
      const direction = filter.direction === 'asc' ? 'ASC' : 'DESC';
      const order = column === 'id' ? `id ${direction}` : `${column} ${direction} NULLS LAST, id ${direction}`;
      const rows = cached(`SELECT ${rowColumns} FROM documents ${page.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all([...page.params, filter.limit ?? 100, offset]) as RawRow[];
      return { rows: rows.map(toRow), total };
    },
  };
}

