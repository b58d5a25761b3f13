import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { openCircleNow } from '../support/openCircles';
import { PASSWORD } from '../support/users';

/**
 * axe-core (WCAG 2.0–2.2 A and AA, and best practices) on the pages and states people reach, each role in turn:
 * the circle with hands, chat and notices up and the host's confirmations open, the schedule, peer support, and
 * staff's pages. Every violation is listed with the state it was found in.
 */
const e2e = e2eSetup({ livekit: 'media' });
let sessionId: string;

beforeAll(async () => {
  sessionId = await openCircleNow(e2e.app.db, 'a11y', 'Finding your feet');
});

/** Violations by state, for the test running now (each test starts with none and ends expecting none). */
let found: Record<string, string[]> = {};
beforeEach(() => {
  found = {};
});
async function check(page: Page, state: string) {
  const v = await axeViolations(page);
  if (v.length) found[state] = v;
}
const visit = async (page: Page, path: string, ready: (p: Page) => Promise<unknown>, state = path) => {
  await page.goto(`${e2e.app.url}${path}`);
  await ready(page);
  await check(page, state);
};
/** The page itself is there (lazy pages load after the header): its main heading shows. */
const heading = (name: string | RegExp) => async (p: Page) => {
  await p.waitForLoadState('networkidle');
  await p.getByRole('heading', { name, level: 1 }).first().waitFor();
};

// One test per role, so that each has the whole time limit of its own: there are many pages.
describe('every page and state passes axe-core', () => {
  it('signed out', async () => {
    const signedOut = await e2e.open();
    await signedOut.goto(`${e2e.app.url}/signin`);
    await signedOut.getByLabel('Email').waitFor();
    // Nothing to hunt for: the email field has the focus.
    expect(await signedOut.evaluate(() => document.activeElement?.id)).toBe('signin-email');
    await check(signedOut, 'sign-in');
    await visit(signedOut, '/forgot-password', heading('Forgot your password?'), 'forgot password');
    await visit(signedOut, '/reset-password/not-a-real-reset-token', heading(/.+/), 'reset password (a link that does not work)');
    await visit(signedOut, '/help', heading('Which kind of help fits?'), 'which kind of help fits (signed out)');
    await visit(signedOut, '/unsubscribe/circle_day.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA', heading('Stop these e-mails'), 'unsubscribe (signed out)');
    expect(found).toEqual({});
  });

  it('a member and a host in one circle, with media, and the member\'s pages', async () => {
    const [member, host] = await Promise.all([e2e.open(), e2e.open()]);
    await Promise.all([
      signInThroughUi(member, e2e.app.url, 'lawyer@example.ca', 'Finding your feet'),
      signInThroughUi(host, e2e.app.url, 'staff@example.ca', 'Finding your feet'),
    ]);
    await check(member, 'home (member)');
    // After a navigation focus is on the new page's main heading, where a screen reader starts reading.
    await member.goto(`${e2e.app.url}/schedule`);
    await expect.poll(() => member.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await member.goto(`${e2e.app.url}/`);
    await member.getByRole('button', { name: 'Join the circle' }).waitFor();
    await member.getByRole('button', { name: 'Join the circle' }).click();
    // The home page says it too: wait for the pre-join page itself (a lazy chunk) before checking it.
    await member.waitForURL(new RegExp(`/circles/${sessionId}/join$`));
    await member.getByRole('heading', { level: 1 }).waitFor();
    await member.getByText('Nothing in a circle is recorded').waitFor();
    await check(member, 'pre-join');
    await member.goto(`${e2e.app.url}/`);
    await Promise.all([enterCircleThroughUi(member, sessionId, 'Lee'), enterCircleThroughUi(host, sessionId, 'Sasha')]);
    await expect.poll(() => member.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);
    // What changes in the circle is read out to the others (a polite live region), in plain words.
    const heard = () => host.getByTestId('live-announcer').textContent();
    await member.getByRole('button', { name: 'Raise hand', exact: true }).click();
    await expect.poll(heard, { timeout: 10_000 }).toBe('Lee raised a hand.');
    await member.getByLabel('Message').fill('Hello everyone');
    await member.getByRole('button', { name: 'Send', exact: true }).click();
    await host.getByRole('list', { name: 'Messages' }).getByText('Hello everyone').waitFor();
    await expect.poll(heard, { timeout: 10_000 }).toBe('Lee says: Hello everyone');
    await check(member, 'circle (member, hand up, chat)');
    await host.getByRole('button', { name: 'Call on next' }).click();
    await member.getByText("you're up").waitFor();
    await check(member, 'circle (member, called on)');
    await check(host, 'circle (host)');
    await host.getByRole('button', { name: 'Remove Lee' }).click();
    await host.getByRole('button', { name: 'Confirm removing Lee' }).waitFor();
    await check(host, 'circle (host, remove confirmation)');
    await host.keyboard.press('Escape');

    await visit(member, '/schedule', heading(/.+/), 'schedule (member)');
    const month = member.getByRole('button', { name: /month/i });
    if (await month.count()) {
      await month.first().click();
      await member.getByRole('table').first().waitFor();
      await check(member, 'schedule month view');
    }
    await visit(member, '/support', heading(/.+/), 'peer support (member)');
    await visit(member, '/support/request', heading(/.+/), 'support request form');
    await visit(member, '/reminders', async (p) => (await heading('Your reminders')(p), await p.getByRole('checkbox').first().waitFor()), 'reminders (member)');
    expect(found).toEqual({});
  });

  it('a volunteer', async () => {
    const volunteer = await e2e.open();
    await signInThroughUi(volunteer, e2e.app.url, 'volunteer@example.ca', 'Finding your feet');
    await visit(volunteer, '/assignments', heading(/.+/), 'assignments (volunteer)');
    await visit(volunteer, '/headcounts', heading('In-person headcounts'), 'headcounts (volunteer, none to record)');
    await visit(volunteer, '/support/profile', heading(/.+/), 'peer profile (volunteer)');
    await visit(volunteer, '/reminders', async (p) => (await heading('Your reminders')(p), await p.getByRole('checkbox').nth(3).waitFor()), 'reminders (volunteer)');
    expect(found).toEqual({});
  });

  it("staff's pages, and the auditor's one", async () => {
    const host = await e2e.open();
    await signInThroughUi(host, e2e.app.url, 'staff@example.ca', 'Finding your feet');
    for (const [path, state] of [
      ['/staff/schedule', 'run the schedule'],
      ['/staff/schedule/topics', 'run the schedule: topics'],
      ['/staff/schedule/hosts', 'run the schedule: hosts'],
      ['/staff/schedule/new', 'run the schedule: new circle'],
      ['/headcounts', 'headcounts (staff)'],
      ['/staff/people', 'people'],
      ['/staff/volunteers', 'volunteer readiness'],
      ['/staff/reports', 'reports'],
      ['/staff/outcomes', 'outcomes (nothing counted yet)'],
      ['/staff/audit', 'audit log'],
      ['/staff/requests', 'requests inbox'],
      ['/staff/support', 'one-on-one requests'],
      ['/support/queue', 'matching queue'],
      ['/support/stats', 'matching statistics'],
    ] as const) {
      await visit(host, path, heading(/.+/), state);
    }

    // Reports before anyone has been counted: no empty axes, a sentence saying why there is no chart.
    await host.goto(`${e2e.app.url}/staff/reports`);
    await host.locator('.chart-empty').first().waitFor();
    expect(await host.locator('canvas').count()).toBe(0);

    const auditor = await e2e.open();
    await auditor.goto(`${e2e.app.url}/signin`);
    await e2e.app.services.auth.createUser({ email: 'ada.a11y@example.ca', firstName: 'Ada', role: 'auditor', memberKind: null, password: PASSWORD });
    await auditor.getByLabel('Email').fill('ada.a11y@example.ca');
    await auditor.getByLabel('Password').fill(PASSWORD);
    await auditor.getByRole('button', { name: 'Sign in' }).click();
    await auditor.getByRole('heading', { name: /audit/i }).first().waitFor();
    await check(auditor, 'audit log (auditor)');

    expect(found).toEqual({});
  });
});
