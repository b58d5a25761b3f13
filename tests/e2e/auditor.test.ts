import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { e2eSetup } from '../support/e2e';
import { ApiClient } from '../support/httpClient';
import { PASSWORD } from '../support/users';

/** Issue #7 in the browser: an auditor lands on the audit log, can use it from the keyboard, and reaches nothing else. */
const e2e = e2eSetup();
/** The real next Monday circle, whose topic staff set (an audit entry). */
let SESSION: string;

beforeAll(async () => {
  await e2e.app.services.auth.createUser({ email: 'ada@audit.example.ca', firstName: 'Ada', role: 'auditor', memberKind: null, password: PASSWORD });
  const staff = new ApiClient(e2e.app.url);
  expect((await staff.signIn('staff@example.ca', PASSWORD)).status).toBe(200);
  SESSION = (await e2e.app.services.circles.next(e2e.people.lawyer)).session!.id;
  expect((await staff.post(`/api/scheduling/sessions/${SESSION}/topic`, { topic: 'Finding your first job' })).status).toBe(200);
  expect((await staff.post('/api/auth/invites', { role: 'auditor' })).status).toBe(201);
});

/** Presses Tab until the element with `id` has focus; fails after `max` presses. */
async function tabTo(page: Page, id: string, max = 15): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
  }
  throw new Error(`#${id} is not reachable with the keyboard`);
}

describe('an auditor in the browser', () => {
  it('signs in from the keyboard, lands on the audit log, filters it, and is sent back there from every other page', async () => {
    const page = await e2e.open();
    await page.goto(`${e2e.app.url}/`);
    await page.waitForURL(/\/signin/);
    await page.getByLabel('Email').focus();
    await page.keyboard.type('ada@audit.example.ca');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staff\/audit$/);
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();

    // The header says who and what they are, offers the audit log, and nothing to do with circles.
    const header = page.locator('header');
    expect(await header.getByText('Auditor', { exact: true }).count()).toBe(1);
    expect(await header.getByRole('link', { name: 'Audit log' }).count()).toBe(1);
    for (const absent of ['Schedule', 'Peer support', 'Reports', 'Support requests', 'Requests']) {
      expect(await header.getByRole('link', { name: absent, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole('link', { name: 'Circle reports' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Join the circle' }).count()).toBe(0);

    const table = page.getByRole('table', { name: 'The latest staff and host actions' });
    const topicRow = table.getByRole('row', { name: /session\.topic/ });
    await topicRow.waitFor();
    expect(await topicRow.textContent()).toContain('Sasha (Staff)');
    // The session by its circle's title and start, not its id (nor its topic).
    expect(await topicRow.textContent()).toContain('Red Mug Coffee Circle, ');
    expect(await topicRow.textContent()).not.toContain(SESSION);
    // Read as words, the code beside them; the time in Alberta time with its offset, as the column says.
    expect(await topicRow.textContent()).toContain("Set a session's topic");
    expect(await topicRow.textContent()).toMatch(/\d{2}:\d{2} Alberta time \(UTC[−+]\d+/);
    expect(await table.getByRole('columnheader', { name: 'When (Alberta time)' }).count()).toBe(1);
    await expectAccessible(page, 'the audit log');
    expect(await table.textContent()).not.toContain('Finding your first job');
    expect(await table.getByRole('row').count()).toBe(3); // the header row and two actions

    // The filter is labelled and works from the keyboard alone.
    await tabTo(page, 'audit-action');
    expect(await page.getByLabel('Show only').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.getByRole('status').filter({ hasText: '1 action shown' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(2);

    for (const elsewhere of ['/', '/schedule', '/staff/reports', '/staff/schedule', '/staff/support', '/support', `/circles/${SESSION}/join`, `/circles/${SESSION}`]) {
      await page.goto(`${e2e.app.url}${elsewhere}`);
      await page.waitForURL(/\/staff\/audit$/);
      await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    }
    // Sign-out is reachable from the keyboard too.
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/signin/);
  });
});
