import type { Page } from 'playwright-core';

/** Every demo account shares this password (printed by the server at start and in the README). */
export const DEMO_PASSWORD = 'hearth-demo-2026';

export const DEMO = {
  admin: 'admin@demo.hearth.local',
  clinician: 'ada.clinician@demo.hearth.local',
  clinician2: 'ben.clinician@demo.hearth.local',
  participant: 'participant1@demo.hearth.local',
} as const;

/** Fills in and sends the sign-in form (the page must show it). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs in from scratch. Demo staff without MFA are offered enrolment: "Not now" skips it
 * unless keepOffer is set. Resolves once the first page after sign-in has its heading.
 */
export async function signIn(page: Page, baseUrl: string, email: string, options: { password?: string; keepOffer?: boolean } = {}): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await submitSignIn(page, email, options.password ?? DEMO_PASSWORD);
  const offer = page.getByRole('heading', { name: 'Protect your account' });
  const signedIn = headerSignOut(page);
  await offer.or(signedIn).first().waitFor();
  if (!options.keepOffer && (await offer.isVisible())) {
    await page.getByRole('button', { name: 'Not now' }).click();
    await signedIn.waitFor();
  }
}

/** The header's "Sign out" button: present only inside the signed-in app shell. */
export function headerSignOut(page: Page) {
  return page.locator('header').getByRole('button', { name: 'Sign out' });
}

/** Signs out with the header button and waits for the sign-in form. */
export async function signOut(page: Page): Promise<void> {
  await headerSignOut(page).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}
