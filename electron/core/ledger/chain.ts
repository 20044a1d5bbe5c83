import crypto from 'node:crypto';
import type { Store } from '../db/store.ts';
import type { AuditRow } from '../db/audit.ts';
import { canonicalJson } from '../../../shared/canonical.ts';
import type { Role } from '../../../shared/types.ts';

// Domain separation in the manner of RFC 6962: a leaf is hashed with a 0x00 prefix and the entry domain,
// a chain link with 0x01, so no leaf can be passed off as a link or as another kind of signed text.
const entryDomain = Buffer.from('disclosure-desk/audit-entry/v1\0');
const leafPrefix = Buffer.from([0]);
const linkPrefix = Buffer.from([1]);

export const genesisHash = crypto.createHash('sha256').update('disclosure-desk/audit-genesis/v1').digest('hex');
export const signOffDomain = 'disclosure-desk/sign-off/v1';
export const checkpointDomain = 'disclosure-desk/checkpoint/v1';

const js = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));

/**
 * Canonical JSON of an entry without its hash. Built by hand for speed (verify reads a million rows);
 * a test proves it equals canonicalJson of the same object. `payload` is already canonical text.
 */
export function leafText(row: Omit<AuditRow, 'hash'>): string {
  return (
    `{"action":${JSON.stringify(row.action)},"decisionId":${row.decisionId === null ? 'null' : String(row.decisionId)},` +
    `"documentSha256":${js(row.documentSha256)},"payload":${row.payload},"role":${js(row.role)},"seq":${row.seq},` +
    `"signature":${js(row.signature)},"time":${JSON.stringify(row.time)},"user":${js(row.user)}}`
  );
}

export function linkHash(previousHex: string, leaf: string): string {
  const leafHash = crypto.createHash('sha256').update(leafPrefix).update(entryDomain).update(leaf).digest();
  return crypto.createHash('sha256').update(linkPrefix).update(Buffer.from(previousHex, 'hex')).update(leafHash).digest('hex');
}

interface AuditEvent {
  user: string | null;
  role: Role | null;
  action: string;
  documentSha256?: string | null;
  decisionId?: number | null;
  /** Omitted only for signed entries, whose payload is the signed statement. */
  payload?: unknown;
}

interface SignedPayload {
  payloadText: string;
  signature: string;
}

/**
 * Appends one entry at the head of the chain. Must run inside `store.write` so the head cannot move.
 * `sign` receives the new entry's seq and the head it extends, for statements that must cover both.
 */
export function appendEntry(store: Store, event: AuditEvent, time: string, sign?: (seq: number, chainHead: string) => SignedPayload): AuditRow {
  if (!store.inTransaction()) throw new Error('audit entries are appended inside a write transaction');
  const head = store.audit.head();
  const seq = (head?.seq ?? 0) + 1;
  const previous = head?.hash ?? genesisHash;
  const signed = sign?.(seq, previous);
  const row: Omit<AuditRow, 'hash'> = {
    seq,
    time,
    user: event.user,
    role: event.role,
    action: event.action,
    documentSha256: event.documentSha256 ?? null,
    decisionId: event.decisionId ?? null,
    payload: signed ? signed.payloadText : canonicalJson(event.payload ?? {}),
    signature: signed ? signed.signature : null,
  };
  const full: AuditRow = { ...row, hash: linkHash(previous, leafText(row)) };
  store.audit.insert(full);
  return full;
}
