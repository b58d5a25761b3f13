import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScheduledSession } from '../../shared/schemas/scheduling';
import { e2eSetup } from '../support/e2e';
import { PASSWORD } from '../support/users';

// Scheduling needs no media: the circle itself is covered by circle.test.ts. The dates come from the real today,
// as the browser has it, never from a fixed calendar.
const e2e = e2eSetup();
/** The Monday circle's next three sessions that meet, from the real today (holidays are skipped). */
let coming: ScheduledSession[];

beforeAll(async () => {
  const sessions = await e2e.app.services.scheduling.listSessions(e2e.people.staff, { weeks: 8, seriesId: 'rmcc' });
  coming = sessions.filter((s) => s.status === 'scheduled' && Date.parse(s.endsAt) > Date.now()).slice(0, 3);
  expect(coming).toHaveLength(3);
  // The first of them is the one the member's home page offers.
  expect((await e2e.app.services.circles.next(e2e.people.lawyer)).session!.id).toBe(coming[0]!.id);
});

async function signedIn(email: string): Promise<Page> {
  const page = await e2e.open();
  await page.goto(`${e2e.app.url}/`);
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
    const { id, localDate } = coming[0]!;
    const row = staff.getByTestId(`session-row-${id}`);
    await row.waitFor();
    await row.getByLabel(`Topic for ${localDate}`).fill('Boundaries at work');
    await row.getByRole('button', { name: 'Save topic' }).click();
    await expect.poll(() => row.getByLabel(`Topic for ${localDate}`).inputValue()).toBe('Boundaries at work');
    await row.getByLabel(`Host for ${localDate}`).selectOption({ label: 'Val' });
    await row.getByRole('button', { name: 'Save hosts' }).click();
    await expect.poll(() => row.getByText('No host yet').count()).toBe(0);
    await e2e.screenshot(staff, 'scheduling-staff.png', { fullPage: true });

    const member = await signedIn('lawyer@example.ca');
    await member.getByText('Topic: Boundaries at work').waitFor();
    expect(await member.getByTestId('host-badge').textContent()).toMatch(/Hosted by a red mug volunteer/);
    // The host's name stays with staff.
    expect(await member.getByText('Val').count()).toBe(0);

    await member.getByRole('link', { name: 'Schedule' }).click();
    const first = member.getByTestId('session-item').filter({ hasText: 'Topic: Boundaries at work' });
    await first.waitFor();
    expect(await first.textContent()).toContain('12:00 p.m.–1:00 p.m. Alberta time');
    expect(await first.getByTestId('host-badge').count()).toBe(1);
    await member.getByRole('button', { name: 'Month' }).click();
    await member.getByRole('table').getByText('Boundaries at work').waitFor();
    await e2e.screenshot(member, 'scheduling-member-month.png', { fullPage: true });

    // The volunteer sees the assignment and declines it; staff then see it uncovered.
    const volunteer = await signedIn('volunteer@example.ca');
    await volunteer.getByRole('link', { name: 'My assignments' }).click();
    const assignment = volunteer.getByTestId('assignment');
    await assignment.getByText('Topic: Boundaries at work').waitFor();
    await assignment.getByRole('button', { name: 'Decline' }).click();
    await volunteer.getByText('You have no upcoming assignments.').waitFor();
    await staff.reload();
    await staff.getByTestId(`session-row-${id}`).getByText('Host declined: uncovered').waitFor();
  });

  it('staff paste topics for the coming weeks and cancel one session with a note; members see both', async () => {
    const staff = await signedIn('staff@example.ca');
    await staff.getByRole('link', { name: 'Run the schedule' }).click();
    await staff.getByLabel('Topics, one per line').fill('Career pivots\nSleep and the billable hour');
    const [, second, third] = coming;
    await staff.getByLabel('Starting from (optional)').fill(second!.localDate);
    await staff.getByRole('button', { name: 'Fill topics' }).click();
    await staff.getByText('Set 2 topics.').waitFor();
    const row = staff.getByTestId(`session-row-${third!.id}`);
    await expect.poll(() => row.getByLabel(`Topic for ${third!.localDate}`).inputValue()).toBe('Sleep and the billable hour');
    await row.getByText('Change…').click();
    await row.getByLabel(`Note for ${third!.localDate}`).fill('Office closed for the staff retreat');
    await row.getByRole('button', { name: 'Cancel session' }).click();
    await staff.getByTestId(`session-row-${third!.id}`).getByText('cancelled').waitFor();

    const member = await signedIn('student@example.ca');
    await member.getByRole('link', { name: 'Schedule' }).click();
    const items = member.getByTestId('session-item');
    await items.filter({ hasText: 'Career pivots' }).waitFor();
    expect(await items.filter({ hasText: 'Cancelled: Office closed for the staff retreat' }).count()).toBe(1);
    expect(await items.filter({ hasText: 'Sleep and the billable hour' }).count()).toBe(0);
  });
});
