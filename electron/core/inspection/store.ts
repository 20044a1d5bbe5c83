import type { Connection } from '../db/connection.ts';
import type { Attribute, CategoryId, ClassificationLevel } from '../../../shared/types.ts';
import type {
  ApplicantType,
  InspectionConfig,
  InspectionOutcome,
  InspectionProgress,
  InspectionSummary,
  AnnualFigures,
  RequestChannel,
  RequestOutcome,
  RequestTally,
  RequestView,
  WorklistFilter,
  WorklistItem,
  WorklistRule,
} from '../../../shared/ipc/inspection.ts';
import type { Candidate, Listing } from './rules.ts';
import { figureActions, type FigureEntry } from './figures.ts';
import type { AuditRow } from '../db/audit.ts';
import { where, type WhereClause } from '../db/where.ts';
import { preparedCache } from '../db/prepared.ts';

/** The only module that writes SQL for the inspection area; it reads the records tables, never writes them. */

/** A request as stored; its deadline depends on the calendar and is worked out by the register. */
export type RequestRecord = Omit<RequestView, 'deadline'>;

export interface InspectionRecord {
  year: number;
  config: InspectionConfig;
  state: 'open' | 'closed';
  openedBy: string;
  openedAt: string;
  asOf: string;
  closedBy: string | null;
  closedAt: string | null;
  closeSeq: number | null;
  summary: InspectionSummary | null;
  annual: AnnualFigures | null;
}

/** A worklist item as stored, before its progress is worked out; it keeps the new decision's attribute for the bundle. */
export interface ItemRecord extends Listing, Omit<WorklistItem, 'classification' | 'progress' | keyof Listing> {
  classification: ClassificationLevel | null;
  newAttribute: Attribute | null;
}

export interface BundleRecord {
  id: number;
  sha256: string;
  installationId: string;
  unitName: string;
  year: number;
  keyFingerprint: string;
  closedAt: string | null;
  /** Canonical JSON of { summary, annual }. */
  figures: string;
  body: string;
  importedBy: string;
  importedAt: string;
}

/** A unit on record at the collecting office: its installation and the signing key the office trusts for it. */
export interface UnitKey {
  installationId: string;
  unitName: string;
  keyFingerprint: string;
  publicKey: string;
}

const requestSelect = `SELECT r.*, d.sha256 AS documentSha256, d.docNumber, d.title FROM info_requests r LEFT JOIN documents d ON d.id = r.documentId`;

const itemSelect = `SELECT i.documentId, d.sha256 AS documentSha256, d.fileName, d.docNumber, d.title, d.docDate AS date, d.classification,
  i.decisionId, c.attribute, c.reason, c.basis, json_extract(c.signStatement, '$.categories') AS categories, c.signedAt,
  i.rules, i.requestCount, i.secrecyEnds, i.suggested, i.suggestionReason, i.outcome, i.justification, i.newDecisionId,
  n.state AS newDecisionState, n.attribute AS newAttribute
  FROM inspection_items i JOIN documents d ON d.id = i.documentId JOIN decisions c ON c.id = i.decisionId LEFT JOIN decisions n ON n.id = i.newDecisionId`;

type RawItem = Omit<ItemRecord, 'basis' | 'categories' | 'rules'> & { basis: string; categories: string | null; rules: string };

const hydrateItem = (r: RawItem): ItemRecord => ({
  ...r,
  basis: JSON.parse(r.basis) as string[],
  categories: r.categories ? (JSON.parse(r.categories) as CategoryId[]) : [],
  rules: JSON.parse(r.rules) as WorklistRule[],
});

type RawInspection = Omit<InspectionRecord, 'config' | 'summary' | 'annual'> & { config: string; summary: string | null; annual: string | null };

const hydrateInspection = (r: RawInspection | undefined): InspectionRecord | null =>
  r
    ? {
        ...r,
        config: JSON.parse(r.config) as InspectionConfig,
        summary: r.summary ? (JSON.parse(r.summary) as InspectionSummary) : null,
        annual: r.annual ? (JSON.parse(r.annual) as AnnualFigures) : null,
      }
    : null;

const itemWhere = (filter: Omit<WorklistFilter, 'offset' | 'limit'>): WhereClause =>
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

export function inspectionStore(db: Connection) {
  const cached = preparedCache(db);

  const insertRequest = db.prepare(`INSERT INTO info_requests (documentId, subject, applicantType, channel, receivedOn, note, recordedBy, recordedAt)
    VALUES (@documentId, @subject, @applicantType, @channel, @receivedOn, @note, @recordedBy, @recordedAt)`);
  const requestById = db.prepare(`${requestSelect} WHERE r.id = ?`);
  const answerRequest = db.prepare('UPDATE info_requests SET outcome = @outcome, answeredOn = @answeredOn, note = @note WHERE id = @id');
  const extendRequest = db.prepare('UPDATE info_requests SET extensionDays = @extensionDays, extensionReason = @reason WHERE id = @id');
  const requestCounts = db.prepare('SELECT documentId, count(*) AS n FROM info_requests WHERE documentId IS NOT NULL AND receivedOn BETWEEN @from AND @to GROUP BY documentId');
  const requestTallies = db.prepare(`SELECT r.documentId, d.docNumber, d.title, count(*) AS count FROM info_requests r JOIN documents d ON d.id = r.documentId
    WHERE r.receivedOn BETWEEN @from AND @to GROUP BY r.documentId ORDER BY count DESC, r.documentId`);
  const documentExists = db.prepare('SELECT sha256 FROM documents WHERE id = ?').pluck();

  // Every document whose decision in force (the latest signed one) is not proactive.
  const candidates = db.prepare(`SELECT d.id AS documentId, d.docDate, d.classification, json_extract(d.metadata, '$.classification.period') AS classificationPeriod,
    c.id AS decisionId, c.attribute, c.basis, json_extract(c.signStatement, '$.categories') AS categories, c.signedAt
    FROM documents d JOIN decisions c ON c.id = d.signedDecisionId WHERE d.signedAttribute IN ('withheld', 'partial', 'on-request')`);

  const figureEntries = db.prepare(`SELECT seq, time, action, documentSha256, payload FROM audit_log WHERE action IN (${figureActions.map(() => '?').join(', ')}) ORDER BY seq`);
  const inspectionEntries = db.prepare(`SELECT * FROM audit_log WHERE action LIKE 'inspection.%' AND json_extract(payload, '$.year') = ? ORDER BY seq`);
  const hashBefore = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();

  const progress = db.prepare(`SELECT count(*) AS total, coalesce(sum(i.outcome IS NULL), 0) AS pending,
    coalesce(sum(i.outcome IS NOT NULL AND (n.state IS NULL OR n.state <> 'signed')), 0) AS proposed, coalesce(sum(n.state = 'signed'), 0) AS done
    FROM inspection_items i LEFT JOIN decisions n ON n.id = i.newDecisionId WHERE i.year = ?`);

  const inspectionByYear = db.prepare('SELECT * FROM inspections WHERE year = ?');
  const insertInspection = db.prepare(`INSERT INTO inspections (year, config, state, openedBy, openedAt, asOf) VALUES (@year, @config, 'open', @openedBy, @openedAt, @asOf)`);
  const closeInspection = db.prepare(
    `UPDATE inspections SET state = 'closed', closedBy = @closedBy, closedAt = @closedAt, closeSeq = @closeSeq, summary = @summary, annual = @annual WHERE year = @year AND state = 'open'`,
  );
  const itemKeys = db.prepare('SELECT documentId, outcome FROM inspection_items WHERE year = ?');
  const insertItem = db.prepare(`INSERT INTO inspection_items (year, documentId, decisionId, rules, requestCount, secrecyEnds, suggested, suggestionReason)
    VALUES (@year, @documentId, @decisionId, @rules, @requestCount, @secrecyEnds, @suggested, @suggestionReason)`);
  const refreshItem = db.prepare(`UPDATE inspection_items SET rules = @rules, requestCount = @requestCount, secrecyEnds = @secrecyEnds, suggested = @suggested,
    suggestionReason = @suggestionReason WHERE year = @year AND documentId = @documentId AND outcome IS NULL AND decisionId = @decisionId`);
  const recordOutcome = db.prepare(`UPDATE inspection_items SET outcome = @outcome, justification = @justification, newDecisionId = @newDecisionId,
    proposedBy = @proposedBy, proposedAt = @proposedAt WHERE year = @year AND documentId = @documentId`);

  const insertBundle = db.prepare(`INSERT INTO bundles (sha256, installationId, unitName, year, keyFingerprint, closedAt, figures, body, importedBy, importedAt)
    VALUES (@sha256, @installationId, @unitName, @year, @keyFingerprint, @closedAt, @figures, @body, @importedBy, @importedAt)`);
  const bundleBySha = db.prepare('SELECT id FROM bundles WHERE sha256 = ?').pluck();
  const bundleForUnit = db.prepare('SELECT id FROM bundles WHERE installationId = ? AND year = ? LIMIT 1').pluck();
  const latestBundles = db.prepare(`SELECT b.id, b.sha256, b.installationId, b.unitName, b.year, b.keyFingerprint, b.closedAt, b.figures, b.importedBy, b.importedAt FROM bundles b WHERE b.year = ? AND b.id = (SELECT max(id) FROM bundles x WHERE x.year = b.year AND x.installationId = b.installationId) ORDER BY b.unitName, b.installationId`);
  const unitKey = db.prepare('SELECT * FROM unit_keys WHERE installationId = ?');
  const unitKeys = db.prepare('SELECT * FROM unit_keys ORDER BY installationId');
  const pinKey = db.prepare(`INSERT INTO unit_keys (installationId, unitName, keyFingerprint, publicKey, pinnedAt) VALUES (@installationId, @unitName, @keyFingerprint, @publicKey, @pinnedAt)
    ON CONFLICT (installationId) DO UPDATE SET unitName = excluded.unitName, keyFingerprint = excluded.keyFingerprint, publicKey = excluded.publicKey, pinnedAt = excluded.pinnedAt`);

  return {
    insertRequest(r: { documentId: number | null; subject: string; applicantType: ApplicantType; channel: RequestChannel; receivedOn: string; note: string; recordedBy: string; recordedAt: string }): number {
      return Number(insertRequest.run(r).lastInsertRowid);
    },
    request: (id: number) => (requestById.get(id) as RequestRecord | undefined) ?? null,
    answerRequest: (id: number, outcome: RequestOutcome, answeredOn: string, note: string) => void answerRequest.run({ id, outcome, answeredOn, note }),
    extendRequest: (id: number, extensionDays: number, reason: string) => void extendRequest.run({ id, extensionDays, reason }),
    documentSha: (id: number) => (documentExists.get(id) as string | undefined) ?? null,
    /** Requests matching document and year, oldest first; status is decided by the caller (it needs the calendar). */
    requests(filter: { documentId?: number; year?: number }): RequestRecord[] {
      const clause = where((and) => {
        if (filter.documentId !== undefined) and('r.documentId = @documentId', { documentId: filter.documentId });
        if (filter.year !== undefined) and('r.receivedOn BETWEEN @from AND @to', { from: `${filter.year}-01-01`, to: `${filter.year}-12-31` });
      });
      return cached(`${requestSelect} ${clause.sql} ORDER BY r.receivedOn, r.id`).all(clause.params) as RequestRecord[];
    },
    requestCounts(from: string, to: string): Map<number, number> {
      const rows = requestCounts.all({ from, to }) as { documentId: number; n: number }[];
      return new Map(rows.map((r) => [r.documentId, r.n]));
    },

    /** Requests per register document received in [from, to], most requested first. */
    requestTallies: (from: string, to: string) => requestTallies.all({ from, to }) as RequestTally[],

    candidates(counts: ReadonlyMap<number, number>): Candidate[] {
      return (candidates.all() as (Omit<Candidate, 'basis' | 'categories' | 'requestCount'> & { basis: string; categories: string | null })[]).map((r) => ({
        ...r,
        basis: JSON.parse(r.basis) as string[],
        categories: r.categories ? (JSON.parse(r.categories) as CategoryId[]) : [],
        requestCount: counts.get(r.documentId) ?? 0,
      }));
    },

    /** The audit entries the annual figures fold over, in chain order. */
    figureEntries: () => figureEntries.iterate(...figureActions) as IterableIterator<FigureEntry>,
    /** The inspection's own audit entries for `year`, in chain order. */
    inspectionEntries: (year: number) => inspectionEntries.all(year) as AuditRow[],
    hashBefore: (seq: number) => (hashBefore.get(seq - 1) as string | undefined) ?? null,

    inspection: (year: number) => hydrateInspection(inspectionByYear.get(year) as RawInspection | undefined),
    insertInspection: (r: { year: number; config: InspectionConfig; openedBy: string; openedAt: string; asOf: string }) => void insertInspection.run({ ...r, config: JSON.stringify(r.config) }),
    closeInspection(r: { year: number; closedBy: string; closedAt: string; closeSeq: number; summary: InspectionSummary; annual: AnnualFigures }): void {
      closeInspection.run({ ...r, summary: JSON.stringify(r.summary), annual: JSON.stringify(r.annual) });
    },
    itemOutcomes: (year: number) => new Map((itemKeys.all(year) as { documentId: number; outcome: string | null }[]).map((r) => [r.documentId, r.outcome])),
    insertItem(year: number, c: Candidate, l: Listing): void {
      insertItem.run({ year, documentId: c.documentId, decisionId: c.decisionId, rules: JSON.stringify(l.rules), requestCount: c.requestCount, secrecyEnds: l.secrecyEnds, suggested: l.suggested, suggestionReason: l.suggestionReason });
    },
    /** Brings a listed item without an outcome up to date (more requests, a lapsed period); a changed decision keeps the listing. */
    refreshItem(year: number, c: Candidate, l: Listing): void {
      refreshItem.run({ year, documentId: c.documentId, decisionId: c.decisionId, rules: JSON.stringify(l.rules), requestCount: c.requestCount, secrecyEnds: l.secrecyEnds, suggested: l.suggested, suggestionReason: l.suggestionReason });
    },
    recordOutcome(r: { year: number; documentId: number; outcome: InspectionOutcome; justification: string; newDecisionId: number; proposedBy: string; proposedAt: string }): void {
      recordOutcome.run(r);
    },
    items(filter: WorklistFilter): { items: ItemRecord[]; total: number } {
      const clause = itemWhere(filter);
      const items = (cached(`${itemSelect} ${clause.sql} ORDER BY i.outcome IS NOT NULL, d.docDate, i.documentId LIMIT @limit OFFSET @offset`).all({
        ...clause.params,
        limit: filter.limit ?? 100,
        offset: filter.offset ?? 0,
      }) as RawItem[]).map(hydrateItem);
      const total = cached(`SELECT count(*) AS n FROM inspection_items i JOIN documents d ON d.id = i.documentId JOIN decisions c ON c.id = i.decisionId LEFT JOIN decisions n ON n.id = i.newDecisionId ${clause.sql}`).get(clause.params) as { n: number };
      return { items, total: total.n };
    },
    progress: (year: number) => progress.get(year) as InspectionProgress,
    allItems: (year: number) => (cached(`${itemSelect} WHERE i.year = ? ORDER BY d.docDate, i.documentId`).all(year) as RawItem[]).map(hydrateItem),
    item: (year: number, documentId: number) => {
      const r = cached(`${itemSelect} WHERE i.year = @year AND i.documentId = @documentId`).get({ year, documentId }) as RawItem | undefined;
      return r ? hydrateItem(r) : null;
    },

    bundleExists: (sha256: string) => bundleBySha.get(sha256) !== undefined,
    unitHasBundle: (installationId: string, year: number) => bundleForUnit.get(installationId, year) !== undefined,
    insertBundle: (r: Omit<BundleRecord, 'id'>) => Number(insertBundle.run(r).lastInsertRowid),
    /** The newest bundle of each unit for `year`, without the bulky body. */
    latestBundles: (year: number) => latestBundles.all(year) as Omit<BundleRecord, 'body'>[],
    unitKey: (installationId: string) => (unitKey.get(installationId) as UnitKey | undefined) ?? null,
    /** Every unit on record; a handful per office, so names are compared in code. */
    unitKeys: () => unitKeys.all() as UnitKey[],
    pinKey: (r: { installationId: string; unitName: string; keyFingerprint: string; publicKey: string; pinnedAt: string }) => void pinKey.run(r),
  };
}

export type InspectionStore = ReturnType<typeof inspectionStore>;
