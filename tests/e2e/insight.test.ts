import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findLivekitBinary, startLocalLivekit, type LocalLivekit } from '../../server/src/livekit/localLivekit';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { ApiClient } from '../support/httpClient';
import { parseSessionId } from '../../server/src/circles/sessionId';
import { openCircleNow } from '../support/openCircles';
import { startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD } from '../support/users';

const root = path.resolve(import.meta.dirname, '../..');
const TOPIC = 'Finding your first job';
let livekit: LocalLivekit;
let app: TestApp;
let sessionId: string;
const browsers: TestBrowser[] = [];

beforeAll(async () => {
  const bin = findLivekitBinary(process.env.LIVEKIT_BIN);
  if (!bin) throw new Error('livekit-server is needed: run infra/provision.sh (npm test does)');
  // Threshold 1 so two people show as exact counts; suppression has its own tests.
  app = await startTestApp({ now: 'real', clientDir: path.join(root, 'client/dist'), env: { REPORT_SMALL_CELL_THRESHOLD: '1' } });
  livekit = await startLocalLivekit({ bin, webhookUrl: `${app.url}/api/livekit/webhook` });
  app.media.setConnection(livekit.connection);
  await createPeople(app);
  sessionId = await openCircleNow(app.db, 'e2e', TOPIC);
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await app?.close();
  await livekit?.stop();
});

async function open(): Promise<Page> {
  const b = await launchBrowser();
  browsers.push(b);
  return b.page;
}

describe('staff insight from real LiveKit webhooks', () => {
  it('counts two people who join and leave, by kind and topic, without knowing who they were', async () => {
    const [lawyer, student] = await Promise.all([open(), open()]);
    await Promise.all([signInThroughUi(lawyer, app.url, 'lawyer@example.ca', TOPIC), signInThroughUi(student, app.url, 'student@example.ca', TOPIC)]);
    await Promise.all([
      enterCircleThroughUi(lawyer, sessionId, 'Lee', { media: false }),
      enterCircleThroughUi(student, sessionId, 'Sam', { media: false }),
    ]);
    for (const page of [lawyer, student]) await expect.poll(() => page.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);
    for (const page of [lawyer, student]) await page.getByRole('button', { name: 'Leave' }).click();

    const staff = new ApiClient(app.url);
    expect((await staff.signIn('staff@example.ca', PASSWORD)).status).toBe(200);
    // LiveKit delivers webhooks asynchronously: wait until both have joined and left.
    const today = parseSessionId(sessionId)!.localDate;
    await expect
      .poll(async () => (await staff.get(`/api/reports/attendance?from=${today}&to=${today}`)).body, { timeout: 30_000 })
      .toMatchObject({ sessionsHeld: 1, attendance: 2, uniqueIndividuals: 2, averageMinutes: expect.any(Number) });

    const page = await open();
    await signInThroughUi(page, app.url, 'staff@example.ca', TOPIC);
    await page.goto(`${app.url}/staff/reports`);
    await expect.poll(() => page.getByTestId('attendance').textContent(), { timeout: 15_000 }).toBe('2');
    expect(await page.getByTestId('unique').textContent()).toBe('2');
    expect(await page.getByTestId('sessions-held').textContent()).toBe('1');
    const kinds = page.getByRole('table', { name: 'Attendees by kind' });
    expect(await kinds.getByRole('row', { name: /Lawyers/ }).textContent()).toContain('1');
    expect(await kinds.getByRole('row', { name: /Articling students/ }).textContent()).toContain('1');
    expect(await page.getByRole('table', { name: 'Attendance by topic' }).getByRole('row', { name: new RegExp(TOPIC) }).textContent()).toContain('2');
    await page.locator('canvas').first().waitFor();
    expect(await page.getByTestId('sum-of-years').textContent()).toBe('2');
    mkdirSync(path.join(root, 'test-results', 'e2e'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-results', 'e2e', 'staff-reports.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('"summary","unique individuals","2"');
    expect(csv).toContain('"attendees by kind","Lawyers","1"');
    for (const who of ['lawyer@example.ca', 'student@example.ca', 'Lee', 'Sam']) expect(csv).not.toContain(who);
  });
});
