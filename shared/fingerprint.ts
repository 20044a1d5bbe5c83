/**
 * A signing key's fingerprint as people pass it on by telephone or letter: 64 hexadecimal digits, shown in
 * groups of four. Whatever separators or letter case the person typed, the digits alone are compared.
 */
export function normaliseFingerprint(input: string): string | null {
  const digits = input.replace(/[\s:：\-－_]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(digits) ? digits : null;
}

export const formatFingerprint = (fingerprint: string): string => fingerprint.toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');

/** The first 16 digits, as messages name a key when the full fingerprint is shown elsewhere. */
export const shortFingerprint = (fingerprint: string): string => `${fingerprint.slice(0, 16)}…`;
