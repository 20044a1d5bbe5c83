import type crypto from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical.ts';
import { keyFingerprint, publicKeyObject, signText, verifyText } from './crypto.ts';
import type { Role } from '../../../shared/types.ts';

/**
 * Accounts, roles and keys are the evidence every signature rests on, so each change to them is a statement
 * signed by an admin whose key the chain already trusts (the very first admin signs its own introduction: that
 * key is the installation's root, its fingerprint shown to people and kept outside the database).
 */
const adminDomain = 'disclosure-desk/admin/v1';

const accountActions = ['user.add', 'user.roles', 'user.rekey', 'trust.anchor'] as const;
export type AccountAction = (typeof accountActions)[number];
export const isAccountAction = (action: string): action is AccountAction => (accountActions as readonly string[]).includes(action);

export interface AccountSubject {
  name: string;
  displayName?: string;
  roles?: Role[];
  publicKey?: string;
  keyFingerprint?: string;
  /** trust.anchor: every account as the chain stands, which the anchoring admin vouches for. */
  accounts?: AnchoredAccount[];
}

interface AnchoredAccount {
  name: string;
  keyFingerprint: string;
  roles: Role[];
}

export interface AdminStatement {
  statement: typeof adminDomain;
  action: AccountAction;
  subject: AccountSubject;
  /** True only on the first account: the root, signed by its own key. */
  root: boolean;
  signer: string;
  keyFingerprint: string;
  seq: number;
  chainHead: string;
  time: string;
}

export function signAdminStatement(body: Omit<AdminStatement, 'statement'>, key: crypto.KeyObject): { payloadText: string; signature: string } {
  const payloadText = canonicalJson({ statement: adminDomain, ...body });
  return { payloadText, signature: signText(adminDomain, payloadText, key) };
}

interface TrustedAccount {
  name: string;
  publicKey: string;
  fingerprint: string;
  object: crypto.KeyObject;
  roles: Set<Role>;
  /** Seq of the entry that introduced this key. */
  since: number;
}

export type TrustProblem =
  | { code: 'unsigned-account'; seq: number }
  | { code: 'statement'; seq: number }
  | { code: 'signature'; seq: number; user: string }
  | { code: 'not-admin'; seq: number; user: string }
  | { code: 'duplicate-user'; seq: number; user: string }
  | { code: 'unknown-user'; seq: number; user: string }
  | { code: 'root'; seq: number };

interface EntryFacts {
  seq: number;
  time: string;
  user: string | null;
  action: string;
  payload: string;
  signature: string | null;
}

/**
 * The accounts as the chain has granted them so far, walked entry by entry: who holds which role and which
 * key at every point, so a sign-off is checked against the signer role its signer held when it was made.
 */
export class TrustState {
  readonly accounts = new Map<string, TrustedAccount>();
  root: { name: string; fingerprint: string } | null = null;
  /** Keys ever valid for a name, oldest first: a checkpoint may have been signed with a key later rotated. */
  readonly history = new Map<string, TrustedAccount[]>();
  /** First unsigned account entry of a record made by a version before account changes were signed. */
  legacyFrom: number | null = null;
  anchored = false;

  /** A record begun before account changes were signed, whose accounts no admin has vouched for yet (trust.anchor). */
  unanchored(): number | null {
    return this.anchored ? null : this.legacyFrom;
  }

  /** Applies one account entry; returns what is wrong with it, or null. `previous` is the hash it extends. */
  apply(row: EntryFacts, previous: string): TrustProblem | null {
    if (row.signature === null) return this.applyLegacy(row);
    let s: AdminStatement;
    try {
      s = JSON.parse(row.payload) as AdminStatement;
    } catch {
      return { code: 'statement', seq: row.seq };
    }
    if (s.statement !== adminDomain || s.action !== row.action || s.seq !== row.seq || s.chainHead !== previous || s.signer !== row.user || s.time !== row.time || typeof s.subject?.name !== 'string') {
      return { code: 'statement', seq: row.seq };
    }
    const subject = s.subject;
    let signerKey: crypto.KeyObject;
    if (s.root) {
      if (this.root !== null || this.accounts.size > 0 || row.action !== 'user.add' || s.signer !== subject.name || !subject.roles?.includes('admin') || !subject.publicKey) {
        return { code: 'root', seq: row.seq };
      }
      if (keyFingerprint(subject.publicKey) !== subject.keyFingerprint || s.keyFingerprint !== subject.keyFingerprint) return { code: 'statement', seq: row.seq };
      signerKey = publicKeyObject(subject.publicKey);
    } else {
      const signer = this.accounts.get(s.signer);
      if (!signer) return { code: 'unknown-user', seq: row.seq, user: s.signer };
      if (!signer.roles.has('admin')) return { code: 'not-admin', seq: row.seq, user: s.signer };
      if (signer.fingerprint !== s.keyFingerprint) return { code: 'statement', seq: row.seq };
      signerKey = signer.object;
    }
    if (!verifyText(adminDomain, row.payload, row.signature, signerKey)) return { code: 'signature', seq: row.seq, user: s.signer };
    if (row.action === 'trust.anchor') {
      if (this.anchored || this.legacyFrom === null || canonicalJson(subject.accounts ?? null) !== canonicalJson(this.snapshot())) return { code: 'statement', seq: row.seq };
      this.anchored = true;
      this.root = { name: s.signer, fingerprint: s.keyFingerprint };
      return null;
    }
    const existing = this.accounts.get(subject.name);
    if (row.action === 'user.add') {
      if (existing || this.history.has(subject.name)) return { code: 'duplicate-user', seq: row.seq, user: subject.name };
      if (!subject.publicKey || keyFingerprint(subject.publicKey) !== subject.keyFingerprint || !Array.isArray(subject.roles)) return { code: 'statement', seq: row.seq };
      this.introduce(subject.name, subject.publicKey, new Set(subject.roles), row.seq);
      if (s.root) this.root = { name: subject.name, fingerprint: subject.keyFingerprint! };
      return null;
    }
    if (!existing) return { code: 'unknown-user', seq: row.seq, user: subject.name };
    if (row.action === 'user.roles') {
      if (!Array.isArray(subject.roles)) return { code: 'statement', seq: row.seq };
      existing.roles = new Set(subject.roles);
      return null;
    }
    if (!subject.publicKey || keyFingerprint(subject.publicKey) !== subject.keyFingerprint) return { code: 'statement', seq: row.seq };
    this.introduce(subject.name, subject.publicKey, existing.roles, row.seq);
    return null;
  }

  /** The accounts as they stand, in the form a trust.anchor lists them. */
  snapshot(): AnchoredAccount[] {
    return [...this.accounts.values()].map((a) => ({ name: a.name, keyFingerprint: a.fingerprint, roles: [...a.roles].sort() })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /**
   * An unsigned account entry, as versions before signed account changes wrote them: taken as it stands only
   * until an admin anchors the accounts; after that, or in a record that began with a signed root, it is refused.
   */
  private applyLegacy(row: EntryFacts): TrustProblem | null {
    if (this.anchored || this.root !== null || (row.action !== 'user.add' && row.action !== 'user.roles')) return { code: 'unsigned-account', seq: row.seq };
    let p: { name?: unknown; publicKey?: unknown; roles?: unknown; to?: unknown };
    try {
      p = JSON.parse(row.payload) as typeof p;
    } catch {
      return { code: 'statement', seq: row.seq };
    }
    if (typeof p.name !== 'string') return { code: 'statement', seq: row.seq };
    this.legacyFrom ??= row.seq;
    if (row.action === 'user.add') {
      if (this.history.has(p.name)) return { code: 'duplicate-user', seq: row.seq, user: p.name };
      if (typeof p.publicKey !== 'string' || !Array.isArray(p.roles)) return { code: 'statement', seq: row.seq };
      this.introduce(p.name, p.publicKey, new Set(p.roles as Role[]), row.seq);
      return null;
    }
    const existing = this.accounts.get(p.name);
    if (!existing || !Array.isArray(p.to)) return { code: 'unknown-user', seq: row.seq, user: p.name };
    existing.roles = new Set(p.to as Role[]);
    return null;
  }

  private introduce(name: string, publicKey: string, roles: Set<Role>, seq: number): void {
    const account: TrustedAccount = { name, publicKey, fingerprint: keyFingerprint(publicKey), object: publicKeyObject(publicKey), roles, since: seq };
    this.accounts.set(name, account);
    this.history.set(name, [...(this.history.get(name) ?? []), account]);
  }

  holds(name: string | null, role: Role): boolean {
    return name !== null && (this.accounts.get(name)?.roles.has(role) ?? false);
  }

  /** A key the chain introduced for `name` at any time, by fingerprint. */
  keyOf(name: string, fingerprint: string): TrustedAccount | null {
    return this.history.get(name)?.find((k) => k.fingerprint === fingerprint) ?? null;
  }
}
