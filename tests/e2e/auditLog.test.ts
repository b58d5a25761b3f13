import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditColumns } from '../../shared/auditCsv';
import { translator } from '../../shared/i18n/catalog';
import { AUDIT_PAGE_DEFAULT } from '../../shared/schemas/reports';
import { expectAccessible } from '../support/axe';
import { signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { ApiClient } from '../support/httpClient';
import { PASSWORD } from '../support/users';

/** Issue #16: the audit log read in pages (Older, Newer), downloaded as CSV, and usable on a phone. */
const e2e = e2eSetup();
const INVITES = AUDIT_PAGE_DEFAULT + 7;
let SESSION: string;

beforeAll(async () => {
  const staff = new ApiClient(e2e.app.url);
  expect((await staff.signIn('staff@example.ca', PASSWORD)).status).toBe(200);
  SESSION = (await e2e.app.services.circles.next(e2e.people.lawyer)).session!.id;
  expect((await staff.post(`/api/scheduling/sessions/${SESSION}/topic`, { topic: 'Finding your first job' })).status).toBe(200);
  for (let i = 0; i < INVITES; i++) expect((await staff.post('/api/auth/invites', { role: 'volunteer' })).status).toBe(201);
});

const table = (page: Page) => page.getByRole('table', { name: 'The latest staff and host actions' });
/** Body rows: every row but the header. */
const rows = async (page: Page) => (await table(page).getByRole('row').count()) - 1;

describe('the audit log in the browser', () => {
  it('pages older and newer, downloads the same columns as CSV, and passes axe', async () => {
    const page = await e2e.open();
    await signInThroughUi(page, e2e.app.url, 'staff@example.ca', 'Finding your first job');
    await page.goto(`${e2e.app.url}/staff/audit`);
    await page.getByRole('status').filter({ hasText: `${AUDIT_PAGE_DEFAULT} actions shown` }).waitFor();
    expect(await rows(page)).toBe(AUDIT_PAGE_DEFAULT);
    const pager = page.getByRole('navigation', { name: 'Pages of the audit log' });
    const newer = pager.getByRole('button', { name: 'Newer' });
    const older = pager.getByRole('button', { name: 'Older' });
    expect(await newer.getAttribute('aria-disabled')).toBe('true');
    await expectAccessible(page, 'the audit log, first page');
    await e2e.screenshot(page, 'audit-log.png', { fullPage: true });

    // The oldest page ends with the topic staff set, named by its circle and start.
    await older.click();
    await page.getByRole('status').filter({ hasText: `${INVITES + 1 - AUDIT_PAGE_DEFAULT} actions shown` }).waitFor();
    expect(await older.getAttribute('aria-disabled')).toBe('true');
    const last = table(page).getByRole('row').last();
    expect(await last.textContent()).toContain("Set a session's topic");
    expect(await last.textContent()).toContain('Red Mug Coffee Circle, ');
    expect(await table(page).textContent()).not.toContain('Finding your first job');
    // Focus stays on the button pressed, even at the end.
    expect(await older.evaluate((el) => el === document.activeElement)).toBe(true);
    await newer.click();
    await page.getByRole('status').filter({ hasText: `${AUDIT_PAGE_DEFAULT} actions shown` }).waitFor();
    expect(await newer.getAttribute('aria-disabled')).toBe('true');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^red-mug-audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe(auditColumns(translator('en-CA', { program: 'Red Mug Coffee Circle', programShort: 'Red Mug', zone: 'Alberta time' })).map((c) => `"${c}"`).join(','));
    expect(csv).toHaveLength(INVITES + 2);
    // The same words as the page's first row.
    const firstRow = table(page).getByRole('row').nth(1);
    const when = await firstRow.locator('time').textContent();
    expect(csv[1]).toContain(`"${when}","Sasha (Staff)","Made an invite (invite.create)","Role: Peer-support volunteer"`);

    // The filter goes to the server: one action, over every page.
    await page.getByLabel('Show only').selectOption('session.topic');
    await page.getByRole('status').filter({ hasText: '1 action shown' }).waitFor();
    expect(await pager.count()).toBe(0);
  });

  it('fits a phone: the page never scrolls sideways', async () => {
    const page = await e2e.open({ phone: true });
    await signInThroughUi(page, e2e.app.url, 'staff@example.ca', 'Finding your first job');
    await page.goto(`${e2e.app.url}/staff/audit`);
    await table(page).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'the audit log on a phone');
    await e2e.screenshot(page, 'audit-log-phone.png', { fullPage: true });
  });
});
