import type { Role } from './types.ts';

/**
 * Who may write each kind of file out of the record. Core checks it before a byte is written (a refused export
 * leaves no file and no audit entry); the UI offers the action only to these roles. A checkpoint is not listed:
 * it is its writer's own signed statement about the chain, open to anyone holding a key.
 */
export const writeRoles = {
  /** The inspection's ledger, report and list (xlsx, docx, csv). */
  inspectionLedger: ['reviewer', 'signer', 'admin', 'drafter'],
  /** The signed bundle sent to the government office: the 机关负责人 answers for it. */
  inspectionBundle: ['signer'],
  /** The government office's table across units. */
  consolidated: ['reviewer', 'admin'],
  /** A copy of the whole record, withheld texts included. */
  backup: ['admin'],
  /** The redacted public copy of a signed partial decision. */
  publicCopy: ['drafter', 'reviewer', 'signer'],
  /** The 公开属性审查单 clipped to the paper 稿纸: anyone who works on the decision. */
  reviewForm: ['drafter', 'reviewer', 'signer'],
  /** The 公文 with its 附注 written to match the signed attribute. */
  stampedCopy: ['drafter', 'reviewer', 'signer'],
} as const satisfies Record<string, readonly Role[]>;

type WriteKind = keyof typeof writeRoles;

export const mayWrite = (roles: readonly Role[], kind: WriteKind): boolean => writeRoles[kind].some((r) => roles.includes(r));
