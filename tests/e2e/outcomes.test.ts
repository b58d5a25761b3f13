import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateRequestBody } from '../../shared/schemas/matching';
import { expectAccessible } from '../support/axe';
import { signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { ApiClient } from '../support/httpClient';
import { PASSWORD } from '../support/users';

/** Issue #18, item 7: the outcomes report to funders, read, extended with history and downloaded through the UI. */
const e2e = e2eSetup();
// The society's year is Alberta's; the app runs on the real clock, so the years are derived from it.
const Y = DateTime.now().setZone('America/Edmonton').year;
const HOME_TEXT = 'Sign out';

beforeAll(async () => {
  const staff = new ApiClient(e2e.app.url);
  expect((await staff.signIn('staff@example.ca', PASSWORD)).status).toBe(200);
  for (const year of [
    { year: Y - 4, matches: 150, requests: 160, careerRelated: 70, articlingStudents: 20 },
    { year: Y - 3, matches: 160, requests: 170, careerRelated: 68, articlingStudents: 17 },
    { year: Y - 2, matches: 85, requests: 100, careerRelated: 41, articlingStudents: 13 },
  ]) {
    expect((await staff.post('/api/reports/outcomes/history', year)).status).toBe(200);
  }
  // Five requests this year from an articling student, about career and articling: made through the service.
  for (const category of ['career', 'career', 'articling', 'workplace', 'articling'] as const) {
    await e2e.app.services.matching.createRequest(e2e.people.student, CreateRequestBody.parse({ category, contact: { method: 'email', email: 'sam@example.ca' } }));
  }
});

const row = (page: Page, table: string, year: number) => page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('cell', { name: String(year), exact: true }) });
const timeline = (page: Page) => page.getByRole('list', { name: 'Milestones' });

describe('the outcomes page', () => {
  it('shows the milestone timeline and yearly figures with a table beside each chart, takes history, and downloads the CSV', async () => {
    const page = await e2e.open();
    await signInThroughUi(page, e2e.app.url, 'staff@example.ca', HOME_TEXT);
    await page.goto(`${e2e.app.url}/staff/reports`);
    await page.getByRole('navigation', { name: 'Staff insight' }).getByRole('link', { name: 'Outcomes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outcomes' }).waitFor();

    await timeline(page).waitFor();
    expect(await timeline(page).getByRole('listitem').allTextContents()).toEqual([
      `100th match ${Y - 4} (history entered by staff)`,
      `200th match ${Y - 3} (history entered by staff)`,
      `300th match ${Y - 3} (history entered by staff)`,
    ]);
    expect(await page.getByTestId('total-matches').textContent()).toBe('395');
    expect(await row(page, 'Matches per year', Y - 2).getByRole('cell').allTextContents()).toEqual([String(Y - 2), '85', 'Includes history entered by staff']);
    expect(await row(page, 'Requests: career-related and from articling students', Y - 2).getByRole('cell').allTextContents()).toEqual([
      String(Y - 2), '100', '41', '41 %', '13', '13 %',
    ]);
    // This year's five requests: all career-related, all from an articling student.
    expect(await row(page, 'Requests: career-related and from articling students', Y).getByRole('cell').allTextContents()).toEqual([
      String(Y), '5', '5', '100 %', '5', '100 %',
    ]);
    // Nobody counted at the circles yet: withheld, never a zero that would tell small from none.
    expect(await row(page, 'People supported through the circles', Y).getByRole('cell').allTextContents()).toEqual([String(Y), 'fewer than 5']);
    await page.getByText('No sum to show: every yearly figure here is fewer than 5.').waitFor();

    // Each chart is an image with its figures in words, described by the table that holds the same figures.
    const chart = page.locator('canvas[aria-describedby="matches-table"]');
    await chart.waitFor();
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toContain(`${Y - 2}: 85`);
    expect(await page.locator('#matches-table caption').textContent()).toBe('Matches per year');
    expect(await page.locator('canvas[aria-describedby="requests-table"]').count()).toBe(1);
    await expectAccessible(page, 'the outcomes page');
    await e2e.screenshot(page, 'outcomes.png', { fullPage: true });

    // A year of history from the society's records, with a mistake first: the field says what is wrong.
    const form = page.getByRole('form', { name: 'Enter a year of match history' });
    await form.getByLabel('Year', { exact: true }).fill(String(Y - 1));
    await form.getByLabel('Matches made').fill('10');
    await form.getByLabel('Requests', { exact: true }).fill('12');
    await form.getByLabel('Career-related requests').fill('13');
    await form.getByLabel('Requests from articling students').fill('5');
    await form.getByRole('button', { name: 'Save year' }).click();
    await page.getByText('Career-related requests cannot exceed all requests').first().waitFor();
    await expectAccessible(page, 'the history form with an error');
    await form.getByLabel('Career-related requests').fill('6');
    await form.getByRole('button', { name: 'Save year' }).click();
    await page.getByRole('status').filter({ hasText: `Saved ${Y - 1}.` }).waitFor();
    await timeline(page).getByText('400th match').waitFor();
    expect(await timeline(page).getByRole('listitem').last().textContent()).toBe(`400th match ${Y - 1} (history entered by staff)`);
    expect(await page.getByTestId('total-matches').textContent()).toBe('405');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`red-mug-outcomes-${Y - 4}-to-${Y}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('"section","year","item","value"');
    // The header; five years of seven figures, and a history mark on four of them; four milestones; two summary lines; two notes.
    expect(csv).toHaveLength(1 + 5 * 7 + 4 + 4 + 2 + 2);
    expect(csv).toEqual(
      expect.arrayContaining([
        `"matches","${Y - 1}","matches made","10"`,
        `"requests","${Y - 2}","career-related share","41 %"`,
        `"requests","${Y}","articling students share","100 %"`,
        `"circles","${Y}","people supported through the circles","fewer than 5"`,
        `"milestones","${Y - 1}","400th match","${Y - 1}"`,
        '"summary","","matches to date","405"',
      ]),
    );
  });

  it('fits a phone: the page never scrolls sideways', async () => {
    const page = await e2e.open({ phone: true });
    await signInThroughUi(page, e2e.app.url, 'staff@example.ca', HOME_TEXT);
    await page.goto(`${e2e.app.url}/staff/outcomes`);
    await timeline(page).waitFor();
    await page.locator('canvas[aria-describedby="matches-table"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'the outcomes page on a phone');
    await e2e.screenshot(page, 'outcomes-phone.png', { fullPage: true });
  });
});
