import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { recordReadiness } from '../support/readiness';
import { e2eSetup } from '../support/e2e';
import { PASSWORD } from '../support/users';

/**
 * Staff, from the keyboard alone, invite a new member, the member makes their account from the link in another
 * browser, and staff make them a volunteer: after signing in again they wear the red mug.
 */
const e2e = e2eSetup();

async function browser(): Promise<Page> {
  const b = await e2e.browser();
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.app.url });
  return b.page;
}

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses, so an unreachable control fails the test. */
async function tabTo(page: Page, target: Locator, { max = 40, key = 'Tab' }: { max?: number; key?: 'Tab' | 'Shift+Tab' } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await isFocused(target)) return;
  }
  throw new Error(`${target.toString()} is not reachable with the keyboard`);
}

async function signInWithKeyboard(page: Page, email: string): Promise<void> {
  await page.goto(`${e2e.app.url}/`);
  await page.waitForURL(/\/signin/);
  await page.getByLabel('Email').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
}

describe('staff manage people in the browser', () => {
  it('invite a member from the keyboard, the member joins from the link, and staff make them a volunteer', async () => {
    const staff = await browser();
    await signInWithKeyboard(staff, 'staff@example.ca');
    await tabTo(staff, staff.locator('header').getByRole('link', { name: 'People', exact: true }));
    await staff.keyboard.press('Enter');
    await staff.waitForURL(/\/staff\/people$/);
    await staff.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await staff.getByRole('status').filter({ hasText: 'Showing 1–4 of 4 people.' }).waitFor();
    // Staff cannot change their own role: their row has no select.
    expect(await staff.getByLabel('Role for Sasha (staff@example.ca)').count()).toBe(0);

    // A member needs a kind: leaving it out is caught before anything is sent, and says what to do.
    const role = staff.getByLabel('Role', { exact: true });
    await tabTo(staff, role);
    expect(await role.inputValue()).toBe('member');
    await staff.keyboard.press('Tab');
    const kind = staff.getByLabel('Member kind');
    expect(await isFocused(kind)).toBe(true);
    await staff.keyboard.press('Tab');
    expect(await isFocused(staff.getByLabel('Email (optional)'))).toBe(true);
    await staff.keyboard.type('noor@example.ca');
    await staff.keyboard.press('Enter');
    await staff.getByRole('alert').filter({ hasText: 'Choose whether the new member is a lawyer or an articling student' }).waitFor();
    expect(await isFocused(kind)).toBe(true);
    await staff.keyboard.press('ArrowDown');
    expect(await kind.inputValue()).toBe('lawyer');
    await staff.keyboard.press('Tab');
    await staff.keyboard.press('Enter');

    const result = staff.getByRole('region', { name: 'Invite link for a member (lawyer)' });
    await result.waitFor();
    expect(await isFocused(result.getByRole('heading'))).toBe(true);
    expect(await result.textContent()).toContain('valid for 14 days');
    expect(await result.textContent()).toContain('Only noor@example.ca can use it.');
    const link = result.getByLabel('Invite link');
    const url = await link.inputValue();
    expect(url).toMatch(new RegExp(`^${e2e.app.url}/invite/[A-Za-z0-9_-]{20,}$`));
    await staff.keyboard.press('Tab');
    expect(await isFocused(link)).toBe(true);
    await staff.keyboard.press('Tab');
    await staff.keyboard.press('Enter');
    await result.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    expect(await staff.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // The invited person, in a browser of their own, makes a member account from the link.
    const noor = await browser();
    // A link with a piece missing says so, and offers no form to fill in vain.
    await noor.goto(url.slice(0, -4));
    await noor.getByRole('heading', { name: 'This invite link does not work' }).waitFor();
    expect(await noor.getByLabel('Password').count()).toBe(0);
    await expectAccessible(noor, 'an invite link that does not work');
    await noor.goto(url);
    await noor.getByText('The account will be: Lawyer.').waitFor();
    await expectAccessible(noor, 'the invite page');
    await noor.getByLabel('Email').fill('noor@example.ca');
    await noor.getByLabel('First name').fill('Noor');
    await noor.getByLabel('Year of call (lawyers, optional)').fill('2023');
    await noor.getByLabel('Password').fill(PASSWORD);
    await noor.getByRole('button', { name: 'Create account' }).click();
    await noor.waitForURL(`${e2e.app.url}/`);
    const noorHeader = noor.locator('header');
    await noorHeader.getByText('Lawyer', { exact: true }).waitFor();
    expect(await noorHeader.getByTestId('red-mug-badge').count()).toBe(0);

    // Staff find Noor and make her a volunteer, confirming first.
    const search = staff.getByLabel('Name or email');
    // Back up from the copy button, past the invite form and the table, to the search box.
    await tabTo(staff, search, { key: 'Shift+Tab' });
    await staff.keyboard.type('noor');
    await staff.keyboard.press('Enter');
    await staff.getByRole('status').filter({ hasText: 'Showing 1–1 of 1 person.' }).waitFor();
    const select = staff.getByLabel('Role for Noor (noor@example.ca)');
    expect(await select.inputValue()).toBe('member:lawyer');
    await tabTo(staff, select);
    await staff.keyboard.press('ArrowDown');
    await staff.keyboard.press('ArrowDown');
    expect(await select.inputValue()).toBe('volunteer');
    const confirm = staff.getByRole('group', { name: 'Make Noor a peer-support volunteer?' });
    expect(await confirm.textContent()).toContain('They will wear the red mug');
    await staff.keyboard.press('Tab');
    expect(await isFocused(confirm.getByRole('button', { name: 'Confirm change' }))).toBe(true);
    await staff.keyboard.press('Enter');
    await staff.getByRole('status').filter({ hasText: 'Noor is now a peer-support volunteer.' }).waitFor();
    expect(await isFocused(select)).toBe(true);
    expect(await confirm.count()).toBe(0);
    expect(await staff.getByTestId(/^person-/).getByRole('cell', { name: 'Peer-support volunteer (red mug)', exact: true }).count()).toBe(1);
    await e2e.screenshot(staff, 'people-staff.png', { fullPage: true });

    // Noor signs out and in again: now she is a volunteer, with no red mug until her training and confidentiality
    // undertaking are on record; once staff record both, her next page shows it.
    await noor.getByRole('button', { name: 'Sign out' }).click();
    await noor.waitForURL(/\/signin/);
    await signInWithKeyboard(noor, 'noor@example.ca');
    await noorHeader.getByText('Peer-support volunteer', { exact: true }).waitFor();
    expect(await noorHeader.getByTestId('red-mug-badge').count()).toBe(0);
    expect(await noor.getByRole('link', { name: 'My assignments' }).count()).toBe(1);
    const noorId = (await e2e.app.db.query<{ id: string }>("SELECT id FROM users WHERE email = 'noor@example.ca'"))[0]!.id;
    await recordReadiness(e2e.app, noorId);
    await noor.reload();
    await noorHeader.getByTestId('red-mug-badge').waitFor();

    // Staff lift a sign-in lock from the same page (locked or not, the answer is the same: Noor can sign in).
    await staff.goto(`${e2e.app.url}/staff/people`);
    await staff.getByRole('button', { name: 'Unlock sign-in for Noor' }).click();
    await staff.getByText('Noor can sign in again.').waitFor();

    // The audit log has the invite, its use and the role change — and never Noor's name or email.
    await staff.goto(`${e2e.app.url}/staff/audit`);
    const table = staff.getByRole('table', { name: 'The latest staff and host actions' });
    await table.getByRole('row', { name: /user\.role_change/ }).waitFor();
    for (const action of ['invite.create', 'invite.accept', 'user.role_change']) {
      expect(await table.getByRole('row', { name: new RegExp(action.replace('.', '\\.')) }).textContent()).toContain('Sasha (Staff)');
    }
    expect(await table.textContent()).not.toMatch(/Noor|noor@/);
  });
});
