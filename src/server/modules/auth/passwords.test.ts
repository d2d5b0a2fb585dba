import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { assertAcceptablePassword, hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './passwords.js';

/** The `weak_password` reason for a password, or null when it is accepted. */
function refusal(password: string, context: { email?: string; displayName?: string } = {}): string | null {
  try {
    assertAcceptablePassword(password, context);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('weak_password');
    expect((error as AppError).status).toBe(422);
    return (error as AppError).message;
  }
}

describe('assertAcceptablePassword', () => {
  it('takes 8 to 128 characters', () => {
    expect(PASSWORD_MIN).toBe(8);
    expect(PASSWORD_MAX).toBe(128);
    expect(refusal('tb7#kq2')).toBe('Use at least 8 characters.');
    expect(refusal('tb7#kq2z')).toBeNull();
    const long = 'river stone lantern '.repeat(7);
    expect(refusal(long.slice(0, 128))).toBeNull();
    expect(refusal(long.slice(0, 129))).toBe('Use at most 128 characters.');
  });

  it('accepts a 64-character passphrase with spaces', () => {
    const passphrase = 'quiet harbour lamps glow while seven herons sleep by an old mill';
    expect([...passphrase].length).toBe(64);
    expect(refusal(passphrase)).toBeNull();
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    // Eight accented letters (two bytes each in UTF-8) are eight characters.
    expect(refusal('éàüöñçøß')).toBeNull();
    // Seven emoji are 14 UTF-16 units but only seven characters.
    expect(refusal('🌲🌊🔥🌙🍀🎈🦉')).toBe('Use at least 8 characters.');
  });

  it.each(['password1', 'qwertyuiop', 'PASSWORD1', 'Qwertyuiop', 'iloveyou', '12345678'])('refuses the common password %j, whatever its case', (password) => {
    expect(refusal(password)).toMatch(/too common/);
  });

  it('refuses a single character repeated', () => {
    expect(refusal('aaaaaaaaaaaa')).toMatch(/too common/);
    expect(refusal('############')).toMatch(/too common/);
  });

  it('refuses a password containing the e-mail address, its local part or the name', () => {
    const context = { email: 'jane.doe@clinic.example.org', displayName: 'Jane Doe' };
    expect(refusal('Jane.Doe-likes-tea', context)).toMatch(/name or e-mail/);
    expect(refusal('my jane.doe@clinic.example.org login', context)).toMatch(/name or e-mail/);
    expect(refusal('hello jane doe 2026', context)).toMatch(/name or e-mail/);
    expect(refusal('river stone lantern', context)).toBeNull();
    // Very short local parts are not matched: every password would contain "al".
    expect(refusal('totally unrelated words', { email: 'al@example.org' })).toBeNull();
  });
});

describe('hashPassword and verifyPassword', () => {
  it('hashes with argon2id at the configured cost, salted, in a PHC string', async () => {
    const hash = await hashPassword('correct horse battery staple');
    const [, algorithm, version, params, salt, digest] = hash.split('$');
    expect(algorithm).toBe('argon2id');
    expect(version).toBe('v=19');
    expect(Object.fromEntries((params ?? '').split(',').map((p) => p.split('=')))).toEqual({ m: '19456', t: '2', p: '1' });
    expect(salt).toMatch(/^[A-Za-z0-9+/]{16,}$/);
    expect(digest).toMatch(/^[A-Za-z0-9+/]{32,}$/);
    expect(hash).not.toContain('correct horse');
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  it('treats a password typed in another Unicode form as the same password', async () => {
    // "ﬁ" (one ligature code point) and "fi" are the same text after NFKC normalisation.
    const hash = await hashPassword('ﬁve green ﬁelds');
    expect(await verifyPassword(hash, 'five green fields')).toBe(true);
  });

  it('answers false, without throwing, for a missing or damaged hash', async () => {
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
    expect(await verifyPassword('not a phc string', 'anything at all')).toBe(false);
    expect(await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$broken', 'anything at all')).toBe(false);
  });
});
