import { generateSecret, generateURI, verify } from 'otplib';

/** A new base32 TOTP secret (160 bits). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI and a QR code image (data URL) for authenticator apps. */
export async function totpEnrolment(secret: string, issuer: string, account: string) {
  const uri = generateURI({ issuer, label: account, secret });
  // Loaded when someone sets up a second factor, not at start.
  const { default: QRCode } = await import('qrcode');
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return { uri, qrDataUrl };
}

/**
 * Verifies a 6-digit code at `now`, one period either side for clock drift. Codes are single-use:
 * a code whose time step is not after `lastStep` is refused. Returns the matched step or null.
 */
export async function verifyTotp(secret: string, code: string, now: Date, lastStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  // The functional API's result type also covers HOTP; TOTP results carry the matched time step.
  return result.valid && 'timeStep' in result ? (result as { timeStep: number }).timeStep : null;
}
