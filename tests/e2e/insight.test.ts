import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSessionId } from '../../server/src/scheduling/sessionId';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { ApiClient } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { PASSWORD } from '../support/users';

const TOPIC = 'Finding your first job';
// Threshold 1 so two people show as exact counts; suppression has its own tests.
const e2e = e2eSetup({ livekit: 'webhooks', env: { REPORT_SMALL_CELL_THRESHOLD: '1' } });
let sessionId: string;

beforeAll(async () => {
  sessionId = await openCircleNow(e2e.app.db, 'e2e', TOPIC);
});

describe('staff insight from real LiveKit webhooks', () => {
  it('counts two people who join and leave, by kind and topic, without knowing who they were', async () => {
    const [lawyer, student] = await Promise.all([e2e.open(), e2e.open()]);
    await Promise.all([signInThroughUi(lawyer, e2e.app.url, 'lawyer@example.ca', TOPIC), signInThroughUi(student, e2e.app.url, 'student@example.ca', TOPIC)]);
    await Promise.all([
      enterCircleThroughUi(lawyer, sessionId, 'Lee', { media: false }),
      enterCircleThroughUi(student, sessionId, 'Sam', { media: false }),
    ]);
    for (const page of [lawyer, student]) await expect.poll(() => page.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);
    for (const page of [lawyer, student]) await page.getByRole('button', { name: 'Leave' }).click();

    const staff = new ApiClient(e2e.app.url);
    expect((await staff.signIn('staff@example.ca', PASSWORD)).status).toBe(200);
    // LiveKit delivers webhooks asynchronously: wait until both have joined and left.
    const today = parseSessionId(sessionId)!.localDate;
    await expect
      .poll(async () => (await staff.get(`/api/reports/attendance?from=${today}&to=${today}`)).body, { timeout: 30_000 })
      .toMatchObject({ sessionsHeld: 1, attendance: 2, uniqueIndividuals: 2, averageMinutes: expect.any(Number) });

    const page = await e2e.open();
    await signInThroughUi(page, e2e.app.url, 'staff@example.ca', TOPIC);
    await page.goto(`${e2e.app.url}/staff/reports`);
    await expect.poll(() => page.getByTestId('attendance').textContent(), { timeout: 15_000 }).toBe('2');
    expect(await page.getByTestId('unique').textContent()).toBe('2');
    expect(await page.getByTestId('sessions-held').textContent()).toBe('1');
    const kinds = page.getByRole('table', { name: 'Attendees by kind' });
    expect(await kinds.getByRole('row', { name: /Lawyers/ }).textContent()).toContain('1');
    expect(await kinds.getByRole('row', { name: /Articling students/ }).textContent()).toContain('1');
    expect(await page.getByRole('table', { name: 'Attendance by topic' }).getByRole('row', { name: new RegExp(TOPIC) }).textContent()).toContain('2');
    await page.locator('canvas').first().waitFor();
    expect(await page.getByTestId('sum-of-years').textContent()).toBe('2');
    await e2e.screenshot(page, 'staff-reports.png', { fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('"summary","unique individuals","2"');
    expect(csv).toContain('"attendees by kind","Lawyers","1"');
    for (const who of ['lawyer@example.ca', 'student@example.ca', 'Lee', 'Sam']) expect(csv).not.toContain(who);
  });
});
