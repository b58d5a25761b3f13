import { beforeAll, describe, expect, it } from 'vitest';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { ApiClient } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { PASSWORD } from '../support/users';

/**
 * Two clocks that disagree, as they do in real life: the server runs on the real clock; each page here runs on its
 * own (playwright's page.clock), days away from it or set to the minute a circle opens. Nothing the server sends may
 * depend on the two agreeing, and what the page decides by its own clock (the join button) must follow Alberta time.
 */
const DAY = 86_400_000;

describe("a browser whose clock is days away from the server's", () => {
  // Each part has its own app, so the circle this one opens is not the other's next circle.
  const e2e = e2eSetup();
  let sessionId: string;
  beforeAll(async () => {
    sessionId = await openCircleNow(e2e.app.db, 'skew', 'Clocks that disagree');
  });

  it.each([
    ['three days ahead', 3 * DAY + 5 * 3_600_000],
    ['two days behind', -2 * DAY - 7 * 3_600_000],
  ])('%s: the member signs in, joins and asks for support privately', async (_label, skew) => {
    const page = await e2e.open();
    await page.clock.install({ time: Date.now() + skew });
    expect(Math.abs((await page.evaluate(() => Date.now())) - (Date.now() + skew))).toBeLessThan(60_000);

    await signInThroughUi(page, e2e.app.url, 'lawyer@example.ca', 'Clocks that disagree');
    await enterCircleThroughUi(page, sessionId, 'Lee', { media: false });
    await page.getByRole('heading', { name: 'Something more personal?' }).waitFor();
    await page.getByRole('button', { name: 'Ask for one-on-one support' }).click();
    await page.getByText('Staff will contact you privately').waitFor();
    // Still signed in after the round trips: the session cookie lives by the browser's own clock (Max-Age).
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session.user?.email).toBe('lawyer@example.ca');

    // Staff have the request, in the circle's private queue.
    const rows = await e2e.app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contact_requests WHERE user_id = $1 AND from_circle', [e2e.people.lawyer.id]);
    expect(rows[0]!.n).toBe(1);
    await page.getByRole('button', { name: 'Leave' }).click();
    await page.waitForURL(`${e2e.app.url}/`);
  });
});

describe('Monday noon, Alberta time, by the browser’s own clock', () => {
  const e2e = e2eSetup();

  it('the home page shows 12:00 p.m. Alberta time, the doors open at 11:50 by the page’s clock, and a viewer in Tokyo sees their own time', async () => {
    const staff = new ApiClient(e2e.app.url);
    expect((await staff.signIn('staff@example.ca', PASSWORD)).status).toBe(200);
    // If a Monday circle happens to be open as this runs, staff cancel it, so the page shows one not yet open.
    let next = (await e2e.app.services.circles.next(e2e.people.lawyer)).session!;
    if (next.isOpen) {
      expect((await staff.post(`/api/scheduling/sessions/${next.id}/change`, { action: 'cancel', note: 'Cancelled by a test' })).status).toBe(200);
      next = (await e2e.app.services.circles.next(e2e.people.lawyer)).session!;
    }
    expect(next.id).toMatch(/^rmcc_\d{4}-\d{2}-\d{2}$/);
    const date = next.id.slice('rmcc_'.length);
    // The published rule, written out: from 2 November 2026 Monday noon in Alberta is 18:00 UTC, all year.
    expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(next.startsAt).toBe(`${date}T18:00:00.000Z`);
    expect(next.opensAt).toBe(`${date}T17:50:00.000Z`);

    const page = await e2e.open({ timezoneId: 'America/Edmonton' });
    // One minute before the doors open, by this page's clock.
    await page.clock.install({ time: new Date(`${date}T17:49:00Z`) });
    await signInThroughUi(page, e2e.app.url, 'lawyer@example.ca', 'Red Mug Coffee Circle');
    const card = page.locator('.next-circle');
    await card.getByText('12:00 p.m. Alberta time').waitFor();
    // The browser is in Alberta too: no second line in "your time".
    expect(await card.getByText('(your time)').count()).toBe(0);
    const join = page.getByRole('button', { name: 'Join the circle' });
    expect(await join.isDisabled()).toBe(true);
    expect(await page.locator('.next-circle .join-status').textContent()).toBe('Doors open Monday 11:50 a.m. Alberta time.');

    await page.clock.runFor(61_000);
    await expect.poll(() => join.isEnabled()).toBe(true);
    expect(await page.locator('.next-circle .join-status').textContent()).toBe('The doors are open. Come in whenever you like.');
    await e2e.screenshot(page, 'clocks-doors-open.png');

    // Tokyo (UTC+9, no daylight time): 18:00 UTC on Monday is 3:00 a.m. on Tuesday there.
    const tokyo = await e2e.open({ timezoneId: 'Asia/Tokyo' });
    await signInThroughUi(tokyo, e2e.app.url, 'student@example.ca', 'Red Mug Coffee Circle');
    const tokyoCard = tokyo.locator('.next-circle');
    await tokyoCard.getByText('12:00 p.m. Alberta time').waitFor();
    expect(await tokyoCard.locator('.circle-time-yours').textContent()).toMatch(/^Tuesday, [A-Z][a-z]+ \d{1,2}, 3:00 a\.m\. Japan Standard Time \(your time\)$/);
  });
});
