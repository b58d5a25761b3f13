import { DateTime } from 'luxon';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eSetup } from '../support/e2e';
import { openCircleNow } from '../support/openCircles';
import { PASSWORD } from '../support/users';

/**
 * The circle by keyboard alone: no clicks, only Tab, Shift+Tab, Enter, Space and typing, as someone who cannot
 * use a mouse would (issue #16). A member signs in, joins, raises a hand, writes in the chat and leaves; the host
 * pivots the topic, calls on the next hand, mutes and removes; staff make a pop-up circle with its host.
 */
const e2e = e2eSetup({ livekit: 'media' });
let sessionId: string;

beforeAll(async () => {
  sessionId = await openCircleNow(e2e.app.db, 'keys', 'Working from home');
});

const focused = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false);

/** Presses Tab until `target` has the focus; how many presses it took. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press('Tab');
    if (await focused(target)) return n;
  }
  throw new Error(`not reached by ${max} presses of Tab`);
}

/** From wherever the page put the focus (its main heading), down to the call controls by the skip link. */
async function toCallControls(page: Page) {
  await tabTo(page, page.getByRole('link', { name: 'Skip to call controls' }), 5);
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page.getByRole('region', { name: 'Call controls' }))).toBe(true);
}

async function signInByKeyboard(page: Page, email: string) {
  await page.goto(`${e2e.app.url}/`);
  await page.waitForURL(/\/signin/);
  // The email field has the focus already.
  await expect.poll(() => focused(page.getByLabel('Email'))).toBe(true);
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByText('Working from home').first().waitFor();
}

async function joinByKeyboard(page: Page) {
  await tabTo(page, page.getByRole('button', { name: 'Join the circle' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/circles/${sessionId}/join$`));
  await tabTo(page, page.getByRole('button', { name: 'Enter the circle' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/circles/${sessionId}$`));
  await page.getByRole('region', { name: 'Call controls' }).waitFor();
}

/** Types a date into a focused date input, segment by segment in the order the browser's locale shows them. */
async function typeDate(page: Page, date: DateTime) {
  const order = await page.evaluate(() =>
    new Intl.DateTimeFormat(navigator.language)
      .formatToParts(new Date(2001, 10, 22))
      .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
      .map((p) => p.type),
  );
  for (const part of order) await page.keyboard.type(date.toFormat(part === 'year' ? 'yyyy' : part === 'month' ? 'MM' : 'dd'));
}

describe('the circle by keyboard alone', () => {
  it('a member joins, raises a hand, writes and leaves; the host pivots, calls on them, mutes and removes', async () => {
    const [member, host] = await Promise.all([e2e.open(), e2e.open()]);
    await Promise.all([signInByKeyboard(member, 'lawyer@example.ca'), signInByKeyboard(host, 'staff@example.ca')]);
    await joinByKeyboard(host);
    await joinByKeyboard(member);
    await member.getByRole('list', { name: 'People in the circle' }).getByText('Sasha').waitFor();

    // The member: the hand is a few presses into the toolbar, not the fourteenth thing on the page.
    await toCallControls(member);
    const hand = member.getByRole('button', { name: 'Raise hand', exact: true });
    expect(await tabTo(member, hand, 6)).toBeLessThanOrEqual(6);
    await member.keyboard.press('Space');
    await host.getByRole('list', { name: 'Raised hands' }).getByText('Lee').waitFor();
    await tabTo(member, member.getByLabel('Message'));
    await member.keyboard.type('Typing this without a mouse');
    await member.keyboard.press('Enter');
    await host.getByRole('list', { name: 'Messages' }).getByText('Typing this without a mouse').waitFor();
    // The microphone from anywhere on the page: Ctrl+D, and the change is said.
    const microphone = member.getByRole('button', { name: 'Microphone', exact: true });
    expect(await microphone.getAttribute('aria-pressed')).toBe('false');
    await member.keyboard.press('Control+D');
    await expect.poll(() => microphone.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('true');
    await expect.poll(() => member.getByRole('status').filter({ hasText: 'Microphone on.' }).count()).toBe(1);

    // The host: a new topic, the next hand, a mute, a removal with its confirmation.
    await tabTo(host, host.getByLabel('New topic'));
    await host.keyboard.type('Boundaries with clients');
    await host.keyboard.press('Enter');
    await member.getByRole('region', { name: 'Topic' }).getByText('Boundaries with clients').first().waitFor();
    await tabTo(host, host.getByRole('button', { name: 'Call on next' }));
    await host.keyboard.press('Enter');
    await member.getByText("you're up").waitFor();
    await host.getByText('You called on Lee.').waitFor();
    await tabTo(host, host.getByRole('button', { name: 'Mute Lee' }));
    await host.keyboard.press('Enter');
    await host.getByText(/Lee is muted\.|Lee's microphone is already off\./).waitFor();
    await tabTo(host, host.getByRole('button', { name: 'Remove Lee' }));
    await host.keyboard.press('Enter');
    // The confirmation takes the focus (the button pressed is gone), so the host confirms without hunting for it.
    await expect.poll(() => focused(host.getByRole('button', { name: 'Confirm removing Lee' }))).toBe(true);
    await host.keyboard.press('Enter');
    await member.getByRole('alert').filter({ hasText: 'removed you' }).waitFor();
  });

  it('a member leaves by keyboard', async () => {
    const page = await e2e.open();
    await signInByKeyboard(page, 'student@example.ca');
    await joinByKeyboard(page);
    await toCallControls(page);
    await tabTo(page, page.getByRole('button', { name: 'Leave' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${e2e.app.url}/`);
  });

  it('staff make a pop-up circle with its host, from the sign-in page on', async () => {
    const page = await e2e.open();
    await signInByKeyboard(page, 'staff@example.ca');
    await tabTo(page, page.getByRole('link', { name: 'Run the schedule' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staff\/schedule\/sessions/);
    await tabTo(page, page.getByRole('navigation', { name: 'Planning' }).getByRole('link', { name: 'New circle' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staff\/schedule\/new$/);

    const form = page.getByRole('form', { name: 'New pop-up circle' });
    const tomorrow = DateTime.now().setZone('America/Edmonton').plus({ days: 1 });
    await tabTo(page, form.getByLabel('Title', { exact: true }));
    await page.keyboard.type('Keyboard pop-up');
    await tabTo(page, form.getByLabel('Date', { exact: true }));
    await typeDate(page, tomorrow);
    expect(await form.getByLabel('Date', { exact: true }).inputValue()).toBe(tomorrow.toISODate());
    await tabTo(page, form.getByLabel('Topic', { exact: true }));
    await page.keyboard.type('Starting out');
    const hostSelect = form.getByLabel('Host', { exact: true });
    await tabTo(page, hostSelect);
    // A closed select takes typing: the first volunteer whose name starts so.
    await page.keyboard.type('Val');
    await expect.poll(async () => hostSelect.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('Val');
    await tabTo(page, form.getByRole('button', { name: 'Create pop-up' }));
    await page.keyboard.press('Space');

    // The confirmation is beside the button, read out (a status), and names the circle, its time and its host.
    const status = form.getByRole('status');
    await status.getByText('Pop-up “Keyboard pop-up” created').waitFor();
    expect(await status.textContent()).toContain('12:00 p.m.–1:00 p.m. Alberta time');
    expect(await status.textContent()).toContain('Host: Val.');
    expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe('');

    // From the confirmation to the new circle's sessions, where its host shows.
    await tabTo(page, status.getByRole('link', { name: 'View it in sessions' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staff\/schedule\/sessions\?series=p-/);
    const card = page.getByTestId(/^session-row-p-/);
    await card.getByText('Topic: Starting out').waitFor();
    expect(await card.textContent()).toContain('Host: Val');
  });
});
