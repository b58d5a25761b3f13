import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { openCircleNow } from '../support/openCircles';
import { PASSWORD } from '../support/users';

/** Issue #15, item 6: the confidentiality pledge on the pre-join page, agreed from the keyboard, asked once. */
const e2e = e2eSetup();
let sessionId: string;
let userId: string;

beforeAll(async () => {
  sessionId = await openCircleNow(e2e.app.db, 'e2e-pledge', 'First time here');
  const robin = await e2e.app.services.auth.createUser({
    email: 'robin@example.ca',
    firstName: 'Robin',
    role: 'member',
    memberKind: 'articling_student',
    password: PASSWORD,
  });
  userId = robin!.id;
});

/** Presses Tab until the focused element is the named button (at most 15 times). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement instanceof HTMLButtonElement ? document.activeElement.textContent?.trim() : null));
    if (focused === name) return;
  }
  throw new Error(`could not reach "${name}" with the keyboard`);
}

describe('the confidentiality pledge', () => {
  it('is shown on the first join, agreed from the keyboard, and not asked again', async () => {
    const page = await e2e.open();
    await signInThroughUi(page, e2e.app.url, 'robin@example.ca', 'First time here');
    await page.getByRole('button', { name: 'Join the circle' }).click();
    await page.waitForURL(new RegExp(`/circles/${sessionId}/join$`));
    const pledge = page.getByRole('region', { name: 'Our confidentiality pledge' });
    await pledge.getByText('What is said in the circle stays in the circle').waitFor();

    // Entering before agreeing: the server's typed refusal, said plainly.
    await page.getByRole('button', { name: 'Enter the circle' }).click();
    await page.getByText('Before you join, please read and agree to the confidentiality pledge.').waitFor();
    expect(page.url()).toMatch(/\/join$/);
    await e2e.screenshot(page, 'pledge-prejoin.png', { fullPage: true });
    await expectAccessible(page, 'the pledge, refused before agreeing');

    // From the keyboard alone: from the name field to "I agree", then on to "Enter the circle".
    await page.getByLabel('Display name').focus();
    await tabTo(page, 'I agree');
    await page.keyboard.press('Enter');
    await page.getByText('Thank you for agreeing to keep the circle confidential.').waitFor();
    expect(await pledge.count()).toBe(0);
    await expectAccessible(page, 'the pledge, agreed');
    await tabTo(page, 'Enter the circle');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/circles/${sessionId}$`));

    // Kept: that Robin agreed and when, nothing about which circle.
    const rows = await e2e.app.db.query<Record<string, unknown>>('SELECT * FROM confidentiality_pledges WHERE user_id = $1', [userId]);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['agreed_at', 'user_id']);

    // The next join does not ask again.
    await page.getByRole('button', { name: 'Leave' }).click();
    await page.waitForURL(`${e2e.app.url}/`);
    await page.getByRole('button', { name: 'Join the circle' }).click();
    await page.waitForURL(new RegExp(`/circles/${sessionId}/join$`));
    await page.getByText('Nothing in a circle is recorded').waitFor();
    await page.getByRole('button', { name: 'Enter the circle' }).click();
    await page.waitForURL(new RegExp(`/circles/${sessionId}$`));
    expect(await page.getByText('Our confidentiality pledge').count()).toBe(0);
  });
});
