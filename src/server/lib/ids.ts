import { hash, randomBytes, randomUUID } from 'node:crypto';

/** A new record id: a random UUID (122 random bits), so ids cannot be guessed or enumerated. */
export function newId(): string {
  return randomUUID();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** True for a lower-case RFC 4122 UUID. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A secret token for cookies and links: 256 random bits, base64url. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * How secret tokens are stored: SHA-256, hex. Tokens are high-entropy, so no salt is needed.
 * (The one-shot `crypto.hash` builds no Hash object: every signed-in request hashes its cookie.)
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}
