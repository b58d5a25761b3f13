import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { signedInAs } from '../support/httpClient';

/**
 * An in-person pop-up from end to end, on the real clock: staff make it in the form (a bad directions link is
 * refused under its field), a member sees where to go and no way to join online, the host records the headcount,
 * and staff find it in the report beside online attendance — a count of 10 lawyers shown, 2 articling students
 * withheld under the default threshold of 5.
 */
const e2e = e2eSetup();

const TITLE = 'Articling coffee, downtown';
const VENUE = {
  place: 'Edmonton',
  address: '10104 103 Ave NW, Edmonton',
  room: 'Room 1200, 12th floor',
  directions: 'https://maps.example.org/?q=10104+103+Ave+NW',
  accessibility: 'Step-free entrance on 103 Ave; elevator to the 12th floor.',
  expect: 'Coffee from 11:50; a volunteer with a red mug says hello.',
};

/**
 * The pop-up runs from up to an hour ago to two hours ahead, on today's date in a zone where that fits in the
 * day: Alberta's, unless it is near midnight there, then Tokyo's (15 hours apart, so one of them always has room).
 */
function when() {
  const zone = ['America/Edmonton', 'Asia/Tokyo'].find((z) => {
    const h = DateTime.now().setZone(z).hour;
    return h >= 2 && h < 21;
  })!;
  const now = DateTime.now().setZone(zone);
  const start = now.minus({ hours: 1 });
  return { zone, date: now.toISODate()!, start: start.toFormat('HH:mm'), end: now.plus({ hours: 2 }).toFormat('HH:mm') };
}

describe('an in-person pop-up', () => {
  it('staff make it, a member sees where to go and no join, the host counts, staff see the count in the report', async () => {
    const w = when();

    // Staff make the pop-up.
    const staff = await e2e.open();
    await signInThroughUi(staff, e2e.app.url, 'staff@example.ca', 'About the circle');
    await staff.goto(`${e2e.app.url}/staff/schedule/new`);
    const form = staff.getByRole('form', { name: 'New pop-up circle' });
    await form.getByLabel('Title', { exact: true }).fill(TITLE);
    await form.getByLabel('Date', { exact: true }).fill(w.date);
    await form.getByLabel('Start', { exact: true }).fill(w.start);
    await form.getByLabel('End', { exact: true }).fill(w.end);
    await form.getByLabel('Time zone', { exact: true }).fill(w.zone);
    await form.getByLabel('Host', { exact: true }).selectOption({ label: 'Val' });
    // The select's label wraps it, so its name carries the chosen option too.
    await form.getByRole('combobox', { name: /^Format/ }).selectOption('in_person');
    await form.getByLabel('Place (city or building)').fill(VENUE.place);
    await form.getByLabel('Street address').fill(VENUE.address);
    await form.getByLabel('Room (optional)').fill(VENUE.room);
    await form.getByLabel('Directions link (optional)').fill('http://maps.example.org/');
    await form.getByLabel('Accessibility notes (optional)').fill(VENUE.accessibility);
    await form.getByLabel('What to expect (optional)').fill(VENUE.expect);
    await form.getByRole('button', { name: 'Create pop-up' }).click();
    // A plain-http link is refused, under its own field, and nothing typed is lost.
    const directions = form.getByLabel('Directions link (optional)');
    await expect.poll(() => directions.getAttribute('aria-invalid')).toBe('true');
    const described = (await directions.getAttribute('aria-describedby'))!.split(' ');
    const errorId = described.find((id) => id.endsWith('-error'))!;
    expect(await staff.locator(`[id="${errorId}"]`).textContent()).toBe('Use a web link that starts with https://');
    expect(await form.getByLabel('Street address').inputValue()).toBe(VENUE.address);
    await expectAccessible(staff, 'a pop-up refused for its directions link');
    await directions.fill(VENUE.directions);
    await form.getByRole('button', { name: 'Create pop-up' }).click();
    await form.getByRole('status').getByText(`Pop-up “${TITLE}” created`).waitFor();
    // Back to the defaults for the next one: online, so no venue fields.
    expect(await form.getByLabel('Street address').count()).toBe(0);

    const staffApi = await signedInAs(e2e.app.url, 'staff@example.ca');
    const sessions = (await staffApi.get(`/api/scheduling/sessions?from=${w.date}&to=${w.date}`)).body.sessions as Array<{ id: string; title: string }>;
    const sessionId = sessions.find((s) => s.title === TITLE)!.id;

    // A member: where to go, and no way to join online.
    const member = await e2e.open();
    await signInThroughUi(member, e2e.app.url, 'lawyer@example.ca', TITLE);
    const card = member.getByRole('region', { name: TITLE });
    const venue = card.getByTestId('venue');
    await venue.getByText(VENUE.address, { exact: true }).waitFor();
    expect(await venue.textContent()).toContain(VENUE.room);
    expect(await venue.textContent()).toContain(VENUE.accessibility);
    expect(await venue.textContent()).toContain(VENUE.expect);
    expect(await venue.getByRole('link', { name: /Directions/ }).getAttribute('href')).toBe(VENUE.directions);
    expect(await card.getByTestId('in-person-note').textContent()).toContain('meets in person');
    expect(await card.getByRole('button', { name: 'Join the circle' }).count()).toBe(0);
    await expectAccessible(member, 'home page with an in-person circle');
    // The schedule too, without a join link for it.
    await member.goto(`${e2e.app.url}/schedule`);
    const item = member.getByTestId('session-item').filter({ hasText: TITLE });
    await item.getByText(VENUE.address, { exact: true }).waitFor();
    expect(await item.getByRole('link', { name: /Join/ }).count()).toBe(0);
    await expectAccessible(member, 'schedule with an in-person circle');
    // The pre-join route by its address: where to go, no form to enter.
    await member.goto(`${e2e.app.url}/circles/${encodeURIComponent(sessionId)}/join`);
    await member.getByTestId('in-person-prejoin').getByText(VENUE.address, { exact: true }).waitFor();
    expect(await member.getByRole('button', { name: 'Enter the circle' }).count()).toBe(0);
    await expectAccessible(member, 'pre-join page of an in-person circle');
    // And from outside the page: the join is refused, with no token.
    const lawyerApi = await signedInAs(e2e.app.url, 'lawyer@example.ca');
    const join = await lawyerApi.post(`/api/circles/sessions/${encodeURIComponent(sessionId)}/join`, { displayName: 'Lee' });
    expect(join.status).toBe(409);
    expect(join.body.code).toBe('IN_PERSON');
    expect(join.body.message).toContain(VENUE.address);
    expect(join.body.media).toBeUndefined();

    // The host records the headcount on their phone, at the venue: 15 came, 10 lawyers and 2 articling students.
    const host = await e2e.open({ phone: true });
    await signInThroughUi(host, e2e.app.url, 'volunteer@example.ca', 'About the circle');
    // Their assignment says where to go, and leads to the headcount.
    await host.goto(`${e2e.app.url}/assignments`);
    await host.getByTestId('assignment').filter({ hasText: TITLE }).getByText(VENUE.address, { exact: true }).waitFor();
    await host.getByRole('link', { name: 'Record how many came' }).click();
    const count = host.getByRole('form', { name: TITLE });
    await count.getByText('No headcount recorded yet.').waitFor();
    await expectAccessible(host, 'headcounts page');
    expect(await host.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'sideways scroll on a phone').toBeLessThanOrEqual(0);
    await count.getByLabel('How many came').fill('15');
    await count.getByLabel('Lawyers (optional)').fill('10');
    await count.getByLabel('Articling students (optional)').fill('20');
    await count.getByRole('button', { name: 'Save the headcount' }).click();
    // More parts than the total: refused, said beside the total.
    await expect.poll(() => count.getByLabel('How many came').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(host, 'headcount refused');
    await count.getByLabel('Articling students (optional)').fill('2');
    await count.getByRole('button', { name: 'Save the headcount' }).click();
    await count.getByRole('status').getByText('Saved: 15 people.').waitFor();
    await count.getByRole('button', { name: 'Correct the headcount' }).waitFor();

    // Staff see it in the report, beside online attendance, small groups withheld.
    await staff.goto(`${e2e.app.url}/staff/reports`);
    const period = staff.getByRole('form', { name: 'Reporting period' });
    await period.getByLabel('From').fill(w.date);
    await period.getByLabel('To').fill(w.date);
    await period.getByRole('button', { name: 'Show' }).click();
    const table = staff.getByRole('table', { name: 'Online and in person' });
    await expect.poll(() => table.getByTestId('in-person-attendance').textContent(), { timeout: 15_000 }).toBe('10');
    expect(await table.getByTestId('in-person-sessions').textContent()).toBe('1');
    expect(await table.getByTestId('in-person-lawyer').textContent()).toBe('10');
    expect(await table.getByTestId('in-person-articling_student').textContent()).toBe('fewer than 5');
    expect(await table.getByTestId('in-person-unspecified').textContent()).toBe('fewer than 5');
    expect(await table.getByTestId('online-unspecified').textContent()).toBe('—');
    await expectAccessible(staff, 'report with in-person figures');
    await e2e.screenshot(staff, 'in-person-report.png', { fullPage: true });
    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('"section","item","online","in person"');
    expect(csv).toContain('"summary","attendance","fewer than 5","10"');
    expect(csv).toContain('"attendees by kind","Lawyers","fewer than 5","10"');
    expect(csv).toContain('"attendees by kind","Articling students","fewer than 5","fewer than 5"');
    for (const who of ['Val', 'volunteer@example.ca', 'Lee']) expect(csv).not.toContain(who);
  });
});
