import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScheduledSession } from '../../shared/schemas/scheduling';
import { expectAccessible } from '../support/axe';
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

async function signedIn(email: string, opts: { phone?: boolean } = {}): Promise<Page> {
  const page = await e2e.open(opts);
  await page.goto(`${e2e.app.url}/`);
  await page.waitForURL(/\/signin/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Schedule' }).waitFor();
  return page;
}

/** One of the views of "Run the schedule", by its link in the sub-navigation. */
const view = (page: Page, name: 'Sessions' | 'Topics' | 'Hosts' | 'New circle') =>
  page.getByRole('navigation', { name: 'Planning' }).getByRole('link', { name, exact: true });

describe('staff set a topic and a host; members see them', () => {
  it('from the staff schedule to the member home page', async () => {
    const staff = await signedIn('staff@example.ca');
    await staff.getByRole('link', { name: 'Run the schedule' }).click();
    // It lands on the sessions, one view of four.
    await staff.waitForURL(/\/staff\/schedule\/sessions$/);
    await expect.poll(() => view(staff, 'Sessions').getAttribute('aria-current')).toBe('page');
    const { id, localDate } = coming[0]!;
    const row = staff.getByTestId(`session-row-${id}`);
    await row.getByText('No host yet').waitFor();
    await view(staff, 'Topics').click();
    await row.getByLabel(`Topic for ${localDate}`).fill('Boundaries at work');
    await row.getByRole('button', { name: 'Save topic' }).click();
    await expect.poll(() => row.getByLabel(`Topic for ${localDate}`).inputValue()).toBe('Boundaries at work');
    await view(staff, 'Hosts').click();
    await row.getByLabel(`Host for ${localDate}`).selectOption({ label: 'Val' });
    await row.getByRole('button', { name: 'Save hosts' }).click();
    await expect.poll(() => row.getByText('No host yet').count()).toBe(0);
    await e2e.screenshot(staff, 'scheduling-staff-hosts.png', { fullPage: true });
    // The sessions view sums it up: the topic, the host by name, and what the doors say.
    await view(staff, 'Sessions').click();
    await row.getByText('Topic: Boundaries at work').waitFor();
    expect(await row.textContent()).toMatch(/Host: Val · No backup/);
    expect(await row.textContent()).toMatch(/Not open yet|Open now/);
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
    await view(staff, 'Hosts').click();
    await staff.getByTestId(`session-row-${id}`).getByText('Host declined: uncovered').waitFor();
  });

  it('staff paste topics for the coming weeks and cancel one session with a note; members see both', async () => {
    const staff = await signedIn('staff@example.ca');
    await staff.getByRole('link', { name: 'Run the schedule' }).click();
    await view(staff, 'Topics').click();
    await staff.getByLabel('Topics, one per line').fill('Career pivots\nSleep and the billable hour');
    const [, second, third] = coming;
    await staff.getByLabel('Starting from (optional)').fill(second!.localDate);
    await staff.getByRole('button', { name: 'Fill topics' }).click();
    await staff.getByText('Set 2 topics.').waitFor();
    const row = staff.getByTestId(`session-row-${third!.id}`);
    await expect.poll(() => row.getByLabel(`Topic for ${third!.localDate}`).inputValue()).toBe('Sleep and the billable hour');
    await view(staff, 'Sessions').click();
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

describe('a new pop-up circle', () => {
  // Made last: a pop-up tomorrow would come before the Monday circle the tests above look for.
  it('says what was made beside the button, empties the form, and links to it; a refusal keeps what was typed', async () => {
    const staff = await signedIn('staff@example.ca');
    await staff.getByRole('link', { name: 'Run the schedule' }).click();
    await view(staff, 'New circle').click();
    await expect.poll(() => view(staff, 'New circle').getAttribute('aria-current')).toBe('page');
    const form = staff.getByRole('form', { name: 'New pop-up circle' });
    const tomorrow = DateTime.now().setZone('America/Edmonton').plus({ days: 1 });
    await form.getByLabel('Title', { exact: true }).fill('Articling check-in');
    await form.getByLabel('Date', { exact: true }).fill(tomorrow.toISODate()!);
    await form.getByLabel('End', { exact: true }).fill('11:00');
    await form.getByLabel('Host', { exact: true }).selectOption({ label: 'Val' });
    await form.getByRole('button', { name: 'Create pop-up' }).click();
    // Refused (it ends before it starts): said beside the form, and nothing typed is lost.
    await form.getByRole('alert').waitFor();
    expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe('Articling check-in');
    expect(await form.getByLabel('Date', { exact: true }).inputValue()).toBe(tomorrow.toISODate());
    expect(await form.getByLabel('Host', { exact: true }).inputValue()).not.toBe('');
    expect(await form.getByRole('status').textContent()).toBe('');
    await expectAccessible(staff, 'a pop-up refused');

    await form.getByLabel('End', { exact: true }).fill('13:00');
    await form.getByRole('button', { name: 'Create pop-up' }).click();
    const status = form.getByRole('status');
    await status.getByText('Pop-up “Articling check-in” created').waitFor();
    expect(await status.textContent()).toContain(`${tomorrow.toFormat('d')}`);
    expect(await status.textContent()).toContain('12:00 p.m.–1:00 p.m. Alberta time');
    expect(await status.textContent()).toContain('Host: Val.');
    expect(await form.getByRole('alert').count()).toBe(0);
    // Back to the defaults, ready for the next one.
    expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe('');
    expect(await form.getByLabel('Date', { exact: true }).inputValue()).toBe('');
    expect(await form.getByLabel('Start', { exact: true }).inputValue()).toBe('12:00');
    expect(await form.getByLabel('End', { exact: true }).inputValue()).toBe('13:00');
    expect(await form.getByLabel('Host', { exact: true }).inputValue()).toBe('');
    await e2e.screenshot(staff, 'scheduling-staff-new-popup.png');
    await expectAccessible(staff, 'a pop-up made');

    await status.getByRole('link', { name: 'View it in sessions' }).click();
    await staff.waitForURL(/\/staff\/schedule\/sessions\?series=p-/);
    const card = staff.getByTestId(/^session-row-p-/);
    await card.getByText('Host: Val').waitFor();
    expect(await staff.getByRole('combobox', { name: 'Series' }).inputValue()).toMatch(/^p-/);
  });

  it('every view of the staff schedule works on a phone: no sideways scroll', async () => {
    const phone = await signedIn('staff@example.ca', { phone: true });
    for (const name of ['Sessions', 'Topics', 'Hosts', 'New circle'] as const) {
      await phone.goto(`${e2e.app.url}/staff/schedule/${name === 'New circle' ? 'new' : name.toLowerCase()}`);
      await phone.getByRole('heading', { level: 2 }).first().waitFor();
      await phone.waitForLoadState('networkidle');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), name).toBeLessThanOrEqual(0);
      await e2e.screenshot(phone, `scheduling-staff-phone-${name.replace(' ', '-').toLowerCase()}.png`, { fullPage: true });
    }
    await expectAccessible(phone, 'new circle on a phone');
  });
});
