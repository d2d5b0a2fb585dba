import { generate } from 'otplib';

const STEP_SECONDS = 30;

/** The TOTP time step a moment falls in. */
export function timeStep(at = Date.now()): number {
  return Math.floor(at / 1000 / STEP_SECONDS);
}

/** The 6-digit code an authenticator app shows for `secret` now. */
export function totpCode(secret: string): Promise<string> {
  return generate({ secret: secret.replace(/\s+/g, '') });
}

/**
 * Codes are single-use: after a code from step `usedStep` was accepted, wait for a later
 * step (at most 30 s) and return that step's code.
 */
export async function freshTotpCode(secret: string, usedStep: number): Promise<string> {
  while (timeStep() <= usedStep) {
    const nextStepAt = (usedStep + 1) * STEP_SECONDS * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(50, nextStepAt - Date.now() + 200)));
  }
  return totpCode(secret);
}
