import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { DEMO, DEMO_PASSWORD, headerSignOut, signIn, signOut, submitSignIn } from './support/app';
import { useHearth } from './support/hearth';
import { freshTotpCode, timeStep, totpCode } from './support/totp';

const hearth = useHearth();

describe('staff MFA enrolment from the demo offer', () => {
  it('enrols, then signs in again with a fresh code and later with a recovery code', async () => {
    const { page } = await hearth.browser();
    const base = hearth.baseUrl;

    await signIn(page, base, DEMO.clinician2, { keepOffer: true });
    await page.getByRole('heading', { name: 'Protect your account' }).waitFor();
    await page.getByRole('button', { name: 'Not now' }).waitFor();
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();

    // Read the setup key as a person would type it into their app.
    const secret = (await page.getByTestId('mfa-secret').innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByRole('img', { name: /QR code/ }).getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await checkA11y(page)).toEqual([]);

    // A wrong code is refused plainly.
    await page.getByLabel('6-digit code').fill('000000');
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByRole('alert').waitFor();

    const enrolStep = timeStep();
    await page.getByLabel('6-digit code').fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();

    const codes = page.getByTestId('recovery-codes').locator('li');
    await codes.first().waitFor();
    const recoveryCodes = (await codes.allInnerTexts()).map((c) => c.trim());
    expect(recoveryCodes.length).toBeGreaterThanOrEqual(8);
    expect(await page.getByRole('button', { name: 'Continue' }).isDisabled()).toBe(true);
    await page.getByLabel('I have saved these codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'My groups' }).waitFor();

    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    expect(await page.locator('section[aria-labelledby="mfa-heading"] .mantine-Badge-root').innerText()).toMatch(/^on$/i);

    // Signing in again asks for a code; the one used to enrol cannot be replayed.
    await signOut(page);
    await submitSignIn(page, DEMO.clinician2, DEMO_PASSWORD);
    await page.getByRole('heading', { name: "Check it's you" }).waitFor();
    const code = page.getByLabel('6-digit code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await code.fill(await freshTotpCode(secret, enrolStep));
    await page.getByRole('button', { name: 'Continue' }).click();
    await headerSignOut(page).waitFor();
    await page.getByRole('heading', { level: 1, name: 'My groups' }).waitFor();

    // And with a recovery code instead of the app.
    await signOut(page);
    await submitSignIn(page, DEMO.clinician2, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'My groups' }).waitFor();
  });

  it('lets staff postpone enrolment in the demo with "Not now"', async () => {
    const { page } = await hearth.signedIn(DEMO.admin, { keepOffer: true });
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });
});

describe('staff MFA enrolment when the service requires it', () => {
  const strict = useHearth({ env: { HEARTH_REQUIRE_STAFF_MFA: 'true' } });

  it('offers no way past enrolment except signing out', async () => {
    const { page } = await strict.browser();
    await signIn(page, strict.baseUrl, DEMO.admin, { keepOffer: true });
    await page.getByRole('heading', { name: 'Protect your account' }).waitFor();
    expect(await page.getByRole('button', { name: 'Not now' }).count()).toBe(0);

    await page.goto(`${strict.baseUrl}/admin/users`);
    await page.getByRole('heading', { name: 'Protect your account' }).waitFor();
    expect(await headerSignOut(page).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});
