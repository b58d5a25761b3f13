import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMedia } from '../../server/src/livekit/media';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { OUTSIDE_WINDOW, startTestApp, type TestApp } from '../support/testApp';
import { createPeople, PASSWORD } from '../support/users';

const root = path.resolve(import.meta.dirname, '../..');
const artifacts = path.join(root, 'test-results', 'e2e');

let app: TestApp;
const browsers: TestBrowser[] = [];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  // Scheduling needs no media: the circle itself is covered by circle.test.ts.
  app = await startTestApp({ media: createMedia(null), now: OUTSIDE_WINDOW, clientDir: path.join(root, 'client/dist') });
  await createPeople(app);
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await app?.close();
});

async function signedIn(email: string): Promise<Page> {
  const b = await launchBrowser();
  browsers.push(b);
  const page = b.page;
  await page.goto(`${app.url}/`);
  await page.waitForURL(/\/signin/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Schedule' }).waitFor();
  return page;
}

describe('staff set a topic and a host; members see them', () => {
  it('from the staff schedule to the member home page', async () => {
    const staff = await signedIn('staff@example.ca');
    await staff.getByRole('link', { name: 'Run the schedule' }).click();
    const row = staff.getByTestId('session-row-rmcc_2026-11-30');
    await row.waitFor();
    await row.getByLabel('Topic for 2026-11-30').fill('Boundaries at work');
    await row.getByRole('button', { name: 'Save topic' }).click();
    await expect.poll(() => row.getByLabel('Topic for 2026-11-30').inputValue()).toBe('Boundaries at work');
    await row.getByLabel('Host for 2026-11-30').selectOption({ label: 'Val' });
    await row.getByRole('button', { name: 'Save hosts' }).click();
    await expect.poll(() => row.getByText('No host yet').count()).toBe(0);
    await staff.screenshot({ path: path.join(artifacts, 'scheduling-staff.png'), fullPage: true });

    const member = await signedIn('lawyer@example.ca');
    await member.getByText('Topic: Boundaries at work').waitFor();
    expect(await member.getByTestId('host-badge').textContent()).toMatch(/Hosted by a red mug volunteer/);
    // The host's name stays with staff.
    expect(await member.getByText('Val').count()).toBe(0);

    await member.getByRole('link', { name: 'Schedule' }).click();
    const first = member.getByTestId('session-item').first();
    await first.getByText('Topic: Boundaries at work').waitFor();
    expect(await first.textContent()).toContain('12:00 p.m.–1:00 p.m. Mountain Time (Alberta)');
    expect(await first.getByTestId('host-badge').count()).toBe(1);
    await member.getByRole('button', { name: 'Month' }).click();
    await member.getByRole('grid').getByText('Boundaries at work').waitFor();
    await member.screenshot({ path: path.join(artifacts, 'scheduling-member-month.png'), fullPage: true });

    // The volunteer sees the assignment and declines it; staff then see it uncovered.
    const volunteer = await signedIn('volunteer@example.ca');
    await volunteer.getByRole('link', { name: 'My assignments' }).click();
    const assignment = volunteer.getByTestId('assignment');
    await assignment.getByText('Topic: Boundaries at work').waitFor();
    await assignment.getByRole('button', { name: 'Decline' }).click();
    await volunteer.getByText('You have no upcoming assignments.').waitFor();
    await staff.reload();
    await staff.getByTestId('session-row-rmcc_2026-11-30').getByText('Host declined: uncovered').waitFor();
  });

  it('staff paste topics for the coming weeks and cancel one session with a note; members see both', async () => {
    const staff = await signedIn('staff@example.ca');
    await staff.getByRole('link', { name: 'Run the schedule' }).click();
    await staff.getByLabel('Topics, one per line').fill('Career pivots\nSleep and the billable hour');
    await staff.getByLabel('Starting from (optional)').fill('2026-12-07');
    await staff.getByRole('button', { name: 'Fill topics' }).click();
    await staff.getByText('Set 2 topics.').waitFor();
    const row = staff.getByTestId('session-row-rmcc_2026-12-14');
    await expect.poll(() => row.getByLabel('Topic for 2026-12-14').inputValue()).toBe('Sleep and the billable hour');
    await row.getByText('Change…').click();
    await row.getByLabel('Note for 2026-12-14').fill('Office closed for the staff retreat');
    await row.getByRole('button', { name: 'Cancel session' }).click();
    await staff.getByTestId('session-row-rmcc_2026-12-14').getByText('cancelled').waitFor();

    const member = await signedIn('student@example.ca');
    await member.getByRole('link', { name: 'Schedule' }).click();
    const items = member.getByTestId('session-item');
    await items.filter({ hasText: 'Career pivots' }).waitFor();
    expect(await items.filter({ hasText: 'Cancelled: Office closed for the staff retreat' }).count()).toBe(1);
    expect(await items.filter({ hasText: 'Sleep and the billable hour' }).count()).toBe(0);
  });
});
