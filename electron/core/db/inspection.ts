import type { Connection } from './connection.ts';
import { where, type WhereClause } from './where.ts';
import { preparedCache } from './prepared.ts';
import type { Attribute, CategoryId, ClassificationLevel } from '../../../shared/types.ts';
import type { InspectionOutcome, WorklistRule } from '../../../shared/inspection-terms.ts';

/** A yearly inspection as stored; config, summary and annual are the JSON texts the inspection area wrote. */
export interface InspectionRow {
  year: number;
  config: string;
  state: 'open' | 'closed';
  openedBy: string;
  openedAt: string;
  asOf: string;
  closedBy: string | null;
  closedAt: string | null;
  closeSeq: number | null;
  summary: string | null;
  annual: string | null;
}

/** A document whose decision in force is not proactive, with that decision: what the worklist rules read. */
interface CandidateRow {
  documentId: number;
  docDate: string | null;
  classification: ClassificationLevel | null;
  classificationPeriod: string | null;
  decisionId: number;
  attribute: Attribute;
  basis: string[];
  categories: CategoryId[];
  signedAt: string | null;
}

/** What listing a document writes into its worklist item. */
interface ItemListing {
  documentId: number;
  decisionId: number;
  rules: readonly WorklistRule[];
  requestCount: number;
  secrecyEnds: string | null;
  suggested: InspectionOutcome;
  suggestionReason: string;
}

/** A worklist item with its document, the decision it was listed under and the decision its outcome proposes. */
export interface ItemRow {
  documentId: number;
  documentSha256: string;
  fileName: string;
  docNumber: string | null;
  title: string | null;
  date: string | null;
  classification: ClassificationLevel | null;
  decisionId: number;
  attribute: Attribute;
  reason: string;
  basis: string[];
  categories: CategoryId[];
  signedAt: string | null;
  rules: WorklistRule[];
  requestCount: number;
  secrecyEnds: string | null;
  suggested: InspectionOutcome;
  suggestionReason: string;
  outcome: InspectionOutcome | null;
  justification: string | null;
  newDecisionId: number | null;
  newDecisionState: string | null;
  newAttribute: Attribute | null;
}

/** pending: no outcome; proposed: an outcome whose new decision is not signed yet; done: it is signed. */
type ItemStage = 'pending' | 'proposed' | 'done';

interface ItemQuery {
  year: number;
  rule?: WorklistRule;
  attribute?: Attribute;
  suggested?: InspectionOutcome;
  progress?: ItemStage;
  query?: string;
  offset?: number;
  limit?: number;
}

type ItemCounts = Record<ItemStage | 'total', number>;

const itemSelect = `SELECT i.documentId, d.sha256 AS documentSha256, d.fileName, d.docNumber, d.title, d.docDate AS date, d.classification,
  i.decisionId, c.attribute, c.reason, c.basis, json_extract(c.signStatement, '$.categories') AS categories, c.signedAt,
  i.rules, i.requestCount, i.secrecyEnds, i.suggested, i.suggestionReason, i.outcome, i.justification, i.newDecisionId,
  n.state AS newDecisionState, n.attribute AS newAttribute
  FROM inspection_items i JOIN documents d ON d.id = i.documentId JOIN decisions c ON c.id = i.decisionId LEFT JOIN decisions n ON n.id = i.newDecisionId`;

type RawItem = Omit<ItemRow, 'basis' | 'categories' | 'rules'> & { basis: string; categories: string | null; rules: string };

const hydrateItem = (r: RawItem): ItemRow => ({
  ...r,
  basis: JSON.parse(r.basis) as string[],
  categories: r.categories ? (JSON.parse(r.categories) as CategoryId[]) : [],
  rules: JSON.parse(r.rules) as WorklistRule[],
});

const itemWhere = (filter: Omit<ItemQuery, 'offset' | 'limit'>): WhereClause =>
  where((and) => {
    and('i.year = @year', { year: filter.year });
    if (filter.rule) and('EXISTS (SELECT 1 FROM json_each(i.rules) WHERE value = @rule)', { rule: filter.rule });
    if (filter.attribute) and('c.attribute = @attribute', { attribute: filter.attribute });
    if (filter.suggested) and('i.suggested = @suggested', { suggested: filter.suggested });
    if (filter.progress === 'pending') and('i.outcome IS NULL');
    if (filter.progress === 'proposed') and("i.outcome IS NOT NULL AND (n.state IS NULL OR n.state <> 'signed')");
    if (filter.progress === 'done') and("n.state = 'signed'");
    if (filter.query) {
      and("(d.title LIKE @query ESCAPE '\\' OR d.docNumber LIKE @query ESCAPE '\\' OR d.fileName LIKE @query ESCAPE '\\')", {
        query: `%${filter.query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
      });
    }
  });

const listingParams = (year: number, l: ItemListing) => ({ year, ...l, rules: JSON.stringify(l.rules) });

/** The yearly inspections and their worklists (inspections, inspection_items); reads the records tables, never writes them. */
export function inspectionRepository(db: Connection) {
  const cached = preparedCache(db);
  // Every document whose decision in force (the latest signed one) is not proactive.
  const candidates = db.prepare(`SELECT d.id AS documentId, d.docDate, d.classification, json_extract(d.metadata, '$.classification.period') AS classificationPeriod,
    c.id AS decisionId, c.attribute, c.basis, json_extract(c.signStatement, '$.categories') AS categories, c.signedAt
    FROM documents d JOIN decisions c ON c.id = d.signedDecisionId WHERE d.signedAttribute IN ('withheld', 'partial', 'on-request')`);
  const counts = db.prepare(`SELECT count(*) AS total, coalesce(sum(i.outcome IS NULL), 0) AS pending,
    coalesce(sum(i.outcome IS NOT NULL AND (n.state IS NULL OR n.state <> 'signed')), 0) AS proposed, coalesce(sum(n.state = 'signed'), 0) AS done
    FROM inspection_items i LEFT JOIN decisions n ON n.id = i.newDecisionId WHERE i.year = ?`);
  const byYear = db.prepare('SELECT * FROM inspections WHERE year = ?');
  const insert = db.prepare(`INSERT INTO inspections (year, config, state, openedBy, openedAt, asOf) VALUES (@year, @config, 'open', @openedBy, @openedAt, @asOf)`);
  const close = db.prepare(
    `UPDATE inspections SET state = 'closed', closedBy = @closedBy, closedAt = @closedAt, closeSeq = @closeSeq, summary = @summary, annual = @annual WHERE year = @year AND state = 'open'`,
  );
  const itemOutcomes = db.prepare('SELECT documentId, outcome FROM inspection_items WHERE year = ?');
  const insertItem = db.prepare(`INSERT INTO inspection_items (year, documentId, decisionId, rules, requestCount, secrecyEnds, suggested, suggestionReason)
    VALUES (@year, @documentId, @decisionId, @rules, @requestCount, @secrecyEnds, @suggested, @suggestionReason)`);
  const refreshItem = db.prepare(`UPDATE inspection_items SET rules = @rules, requestCount = @requestCount, secrecyEnds = @secrecyEnds, suggested = @suggested,
    suggestionReason = @suggestionReason WHERE year = @year AND documentId = @documentId AND outcome IS NULL AND decisionId = @decisionId`);
  const recordOutcome = db.prepare(`UPDATE inspection_items SET outcome = @outcome, justification = @justification, newDecisionId = @newDecisionId,
    proposedBy = @proposedBy, proposedAt = @proposedAt WHERE year = @year AND documentId = @documentId`);

  return {
    candidates(): CandidateRow[] {
      return (candidates.all() as (Omit<CandidateRow, 'basis' | 'categories'> & { basis: string; categories: string | null })[]).map((r) => ({
        ...r,
        basis: JSON.parse(r.basis) as string[],
        categories: r.categories ? (JSON.parse(r.categories) as CategoryId[]) : [],
      }));
    },
    get: (year: number) => (byYear.get(year) as InspectionRow | undefined) ?? null,
    insert: (r: Pick<InspectionRow, 'year' | 'config' | 'openedBy' | 'openedAt' | 'asOf'>) => void insert.run(r),
    close: (r: { year: number; closedBy: string; closedAt: string; closeSeq: number; summary: string; annual: string }) => void close.run(r),
    itemOutcomes: (year: number) => new Map((itemOutcomes.all(year) as { documentId: number; outcome: InspectionOutcome | null }[]).map((r) => [r.documentId, r.outcome])),
    insertItem: (year: number, l: ItemListing) => void insertItem.run(listingParams(year, l)),
    /** Brings a listed item without an outcome up to date (more requests, a lapsed period); a changed decision keeps the listing. */
    refreshItem: (year: number, l: ItemListing) => void refreshItem.run(listingParams(year, l)),
    recordOutcome(r: { year: number; documentId: number; outcome: InspectionOutcome; justification: string; newDecisionId: number; proposedBy: string; proposedAt: string }): void {
      recordOutcome.run(r);
    },
    items(filter: ItemQuery): { items: ItemRow[]; total: number } {
      const clause = itemWhere(filter);
      const items = (cached(`${itemSelect} ${clause.sql} ORDER BY i.outcome IS NOT NULL, d.docDate, i.documentId LIMIT @limit OFFSET @offset`).all({
        ...clause.params,
        limit: filter.limit ?? 100,
        offset: filter.offset ?? 0,
      }) as RawItem[]).map(hydrateItem);
      const total = cached(`SELECT count(*) AS n FROM inspection_items i JOIN documents d ON d.id = i.documentId JOIN decisions c ON c.id = i.decisionId LEFT JOIN decisions n ON n.id = i.newDecisionId ${clause.sql}`).get(clause.params) as { n: number };
      return { items, total: total.n };
    },
    counts: (year: number) => counts.get(year) as ItemCounts,
    allItems: (year: number) => (cached(`${itemSelect} WHERE i.year = ? ORDER BY d.docDate, i.documentId`).all(year) as RawItem[]).map(hydrateItem),
    item(year: number, documentId: number): ItemRow | null {
      const r = cached(`${itemSelect} WHERE i.year = @year AND i.documentId = @documentId`).get({ year, documentId }) as RawItem | undefined;
      return r ? hydrateItem(r) : null;
    },
  };
}

