import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { PASSWORD } from '../support/users';

/**
 * Issue #16: "Forgot password?" from the sign-in page, without e-mail — staff make the link on the People page and
 * hand it over — then a new password, every old session gone, and signing in with the new one.
 */
const e2e = e2eSetup();
const NEW_PASSWORD = 'lee has a new passphrase now';

describe('forgot password in the browser', () => {
  it('sign in → forgot → staff make the link → new password → signed out elsewhere → sign in with it', async () => {
    // Lee is signed in on a phone; at the desk the password is forgotten.
    const phone = await e2e.open({ phone: true });
    await signInThroughUi(phone, e2e.app.url, 'lawyer@example.ca', 'Sign out');

    const page = await e2e.open();
    await page.goto(`${e2e.app.url}/signin`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    await page.getByRole('heading', { name: 'Forgot your password?', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('forgot-email');
    await expectAccessible(page, 'forgot password');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Send me a reset link' }).click();
    await page.getByText('Please check email').waitFor();
    await page.getByLabel('Email').fill('lawyer@example.ca');
    await page.getByRole('button', { name: 'Send me a reset link' }).click();
    const answer = page.getByRole('status').filter({ hasText: 'If an account uses this address' });
    await answer.waitFor();
    await expectAccessible(page, 'forgot password, answered');
    await e2e.screenshot(page, 'forgot-password.png');

    // Staff see the request on the People page and make the link to hand over.
    const staff = await e2e.open();
    await signInThroughUi(staff, e2e.app.url, 'staff@example.ca', 'Sign out');
    await staff.goto(`${e2e.app.url}/staff/people`);
    const resets = staff.getByRole('region', { name: 'Password reset requests' });
    await resets.getByRole('list', { name: 'Waiting for a reset link' }).getByText('lawyer@example.ca').waitFor();
    await expectAccessible(staff, 'people, a reset request waiting');
    await resets.getByRole('button', { name: 'Make a reset link for Lee' }).click();
    const linkField = staff.getByRole('textbox', { name: 'Reset link' });
    await linkField.waitFor();
    expect(await staff.evaluate(() => document.activeElement?.id)).toBe('reset-link-heading');
    const url = await linkField.inputValue();
    expect(url).toMatch(new RegExp(`^${e2e.app.url}/reset-password/[A-Za-z0-9_-]{43}$`));
    await staff.getByText('Nobody is waiting for a password reset link.').waitFor();
    await expectAccessible(staff, 'people, a reset link made');
    await e2e.screenshot(staff, 'people-reset-link.png', { fullPage: true });

    // Lee opens it, types the new password twice (a mismatch is caught first), and is sent to sign in.
    await page.goto(url);
    await page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
    await expectAccessible(page, 'reset password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(`${NEW_PASSWORD}!`);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('The two passwords are not the same').waitFor();
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.waitForURL(/\/signin$/);
    await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
    await expectAccessible(page, 'sign-in after a reset');

    // The phone's session ended with the reset.
    await phone.reload();
    await phone.waitForURL(/\/signin/);

    // The old password no longer works; the new one does.
    await page.getByLabel('Email').fill('lawyer@example.ca');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That email and password do not match').waitFor();
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    // The link worked once.
    await page.goto(url);
    await page.getByRole('heading', { name: 'This reset link does not work', level: 1 }).waitFor();
    await expectAccessible(page, 'a used reset link');
  });

  it('fits a phone: forgot and reset pages never scroll sideways', async () => {
    const phone = await e2e.open({ phone: true });
    for (const path of ['/forgot-password', '/reset-password/not-a-real-token-at-all']) {
      await phone.goto(`${e2e.app.url}${path}`);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      await phone.waitForLoadState('networkidle');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(phone, `${path} on a phone`);
    }
  });
});
