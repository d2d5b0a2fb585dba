import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../http/errors.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// argon2id at OWASP's recommended floor (19 MiB, 2 passes): ~25 ms here, far beyond what an
// offline attacker can afford per guess. Parameters live in the PHC string, so they can be raised later.
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// ~49,000 of the most common leaked passwords, from zxcvbn-ts's maintained dictionary.
const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

let dummyHash: Promise<string> | undefined;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password.normalize('NFKC'), HASH_OPTIONS);
}

/** Verifies a password; with no hash, burns the same time so unknown accounts cannot be told apart. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('hearth-timing-equaliser');
    await argon2.verify(await dummyHash, password.normalize('NFKC'));
    return false;
  }
  try {
    return await argon2.verify(hash, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

/** Throws `weak_password` with a plain reason when a new password is not acceptable. */
export function assertAcceptablePassword(password: string, context: { email?: string; displayName?: string }): void {
  const normalized = password.normalize('NFKC');
  const length = [...normalized].length;
  if (length < PASSWORD_MIN) throw new AppError('weak_password', `Use at least ${PASSWORD_MIN} characters.`);
  if (length > PASSWORD_MAX) throw new AppError('weak_password', `Use at most ${PASSWORD_MAX} characters.`);
  const lower = normalized.toLowerCase();
  if (common.has(lower) || /^(.)\1+$/u.test(lower)) {
    throw new AppError('weak_password', 'This password is too common. Choose a phrase only you would think of.');
  }
  const personal = [context.email?.toLowerCase(), context.email?.split('@')[0]?.toLowerCase(), context.displayName?.toLowerCase()];
  if (personal.some((p) => p && p.length >= 3 && lower.includes(p))) {
    throw new AppError('weak_password', 'Do not use your name or e-mail address in your password.');
  }
}
