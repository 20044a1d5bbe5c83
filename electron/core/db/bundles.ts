import type { Connection } from './connection.ts';

/** A signed bundle another unit sent the collecting office, as imported. */
interface BundleRow {
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
interface UnitKeyRow {
  installationId: string;
  unitName: string;
  keyFingerprint: string;
  publicKey: string;
}

/** The bundles a collecting office imported and the unit keys it pinned (bundles, unit_keys). */
export function bundlesRepository(db: Connection) {
  const insert = db.prepare(`INSERT INTO bundles (sha256, installationId, unitName, year, keyFingerprint, closedAt, figures, body, importedBy, importedAt)
    VALUES (@sha256, @installationId, @unitName, @year, @keyFingerprint, @closedAt, @figures, @body, @importedBy, @importedAt)`);
  const bySha = db.prepare('SELECT id FROM bundles WHERE sha256 = ?').pluck();
  const forUnit = db.prepare('SELECT id FROM bundles WHERE installationId = ? AND year = ? LIMIT 1').pluck();
  const latest = db.prepare(`SELECT b.id, b.sha256, b.installationId, b.unitName, b.year, b.keyFingerprint, b.closedAt, b.figures, b.importedBy, b.importedAt FROM bundles b WHERE b.year = ? AND b.id = (SELECT max(id) FROM bundles x WHERE x.year = b.year AND x.installationId = b.installationId) ORDER BY b.unitName, b.installationId`);
  const unitKey = db.prepare('SELECT * FROM unit_keys WHERE installationId = ?');
  const unitKeys = db.prepare('SELECT * FROM unit_keys ORDER BY installationId');
  const pinKey = db.prepare(`INSERT INTO unit_keys (installationId, unitName, keyFingerprint, publicKey, pinnedAt) VALUES (@installationId, @unitName, @keyFingerprint, @publicKey, @pinnedAt)
    ON CONFLICT (installationId) DO UPDATE SET unitName = excluded.unitName, keyFingerprint = excluded.keyFingerprint, publicKey = excluded.publicKey, pinnedAt = excluded.pinnedAt`);

  return {
    exists: (sha256: string) => bySha.get(sha256) !== undefined,
    unitHasBundle: (installationId: string, year: number) => forUnit.get(installationId, year) !== undefined,
    insert: (r: Omit<BundleRow, 'id'>) => Number(insert.run(r).lastInsertRowid),
    /** The newest bundle of each unit for `year`, without the bulky body. */
    latest: (year: number) => latest.all(year) as Omit<BundleRow, 'body'>[],
    unitKey: (installationId: string) => (unitKey.get(installationId) as UnitKeyRow | undefined) ?? null,
    /** Every unit on record; a handful per office, so names are compared in code. */
    unitKeys: () => unitKeys.all() as UnitKeyRow[],
    pinKey: (r: UnitKeyRow & { pinnedAt: string }) => void pinKey.run(r),
  };
}

