import crypto from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** ~0.3–0.5 s and 128 MiB per derivation on an office PC: slow for guessing, bearable for one login or one signature. */
export const defaultScryptCost: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const derive = (secret: string, salt: Buffer, cost: ScryptCost) =>
  crypto.scryptSync(secret.normalize('NFC'), salt, 32, { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1024 * 1024 });

export const sha256Hex = (data: string | Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

/** `scrypt$N$r$p$salt$hash`, base64 parts: the cost travels with the hash so it can be raised later. */
export function hashPassword(password: string, cost: ScryptCost = defaultScryptCost): string {
  const salt = crypto.randomBytes(16);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), derive(password, salt, cost).toString('base64')].join('$');
}

/** The cost a stored password hash or sealed key was made with. */
export function costOf(stored: string): ScryptCost {
  const [, N, r, p] = stored.split('$');
  return { N: Number(N), r: Number(r), p: Number(p) };
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = derive(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

interface WrappedKey {
  v: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

interface KeyPair {
  privateKey: crypto.KeyObject;
  /** Ed25519 SPKI DER, base64. */
  publicKey: string;
  keyFingerprint: string;
  /** PKCS#8 DER sealed with AES-256-GCM under scrypt(password), as JSON. */
  encryptedPrivateKey: string;
}

export const keyFingerprint = (publicKeyBase64: string) => sha256Hex(Buffer.from(publicKeyBase64, 'base64'));

// The fingerprint is bound in as associated data so a sealed key cannot be moved to another account's public key.
const keyAad = (fingerprint: string) => Buffer.from(`disclosure-desk/private-key/v1\0${fingerprint}`);

function seal(privateDer: Buffer, password: string, fingerprint: string, cost: ScryptCost): string {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', derive(password, salt, cost), iv);
  cipher.setAAD(keyAad(fingerprint));
  const data = Buffer.concat([cipher.update(privateDer), cipher.final()]);
  const wrapped: WrappedKey = { v: 1, kdf: 'scrypt', ...cost, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  return JSON.stringify(wrapped);
}

export function generateKeyPair(password: string, cost: ScryptCost = defaultScryptCost): KeyPair {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const publicBase64 = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const fingerprint = keyFingerprint(publicBase64);
  return { privateKey, publicKey: publicBase64, keyFingerprint: fingerprint, encryptedPrivateKey: seal(privateKey.export({ format: 'der', type: 'pkcs8' }), password, fingerprint, cost) };
}

/** Opens the sealed private key; null when the password is wrong (GCM authentication fails). */
export function unlockPrivateKey(encrypted: string, password: string, fingerprint: string): crypto.KeyObject | null {
  const w = JSON.parse(encrypted) as WrappedKey;
  const decipher = crypto.createDecipheriv('aes-256-gcm', derive(password, Buffer.from(w.salt, 'base64'), w), Buffer.from(w.iv, 'base64'));
  decipher.setAAD(keyAad(fingerprint));
  decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
  try {
    const der = Buffer.concat([decipher.update(Buffer.from(w.data, 'base64')), decipher.final()]);
    return crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
}

export function resealPrivateKey(key: crypto.KeyObject, newPassword: string, fingerprint: string, cost: ScryptCost = defaultScryptCost): string {
  return seal(key.export({ format: 'der', type: 'pkcs8' }), newPassword, fingerprint, cost);
}

export const publicKeyObject = (publicKeyBase64: string) => crypto.createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });

const domainMessage = (domain: string, text: string) => Buffer.concat([Buffer.from(domain), Buffer.from([0]), Buffer.from(text)]);

export const signText = (domain: string, text: string, key: crypto.KeyObject) => crypto.sign(null, domainMessage(domain, text), key).toString('base64');

export function verifyText(domain: string, text: string, signature: string, key: crypto.KeyObject): boolean {
  try {
    return crypto.verify(null, domainMessage(domain, text), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
