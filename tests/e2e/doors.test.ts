import { beforeAll, describe, expect, it } from 'vitest';
import { signInThroughUi } from '../support/circlePages';
import { expectAccessible } from '../support/axe';
import { e2eSetup } from '../support/e2e';
import { signedInAs } from '../support/httpClient';
import { openCircleNow } from '../support/openCircles';
import { command, connectSocket, expectOk, type ClientSocket } from '../support/sockets';

const e2e = e2eSetup();
let early: string;
let later: string;

beforeAll(async () => {
  // Two circles open at once: home shows every circle open now, and an ended one gives way to the others.
  early = await openCircleNow(e2e.app.db, 'doors-a', 'Coming back from parental leave');
  later = await openCircleNow(e2e.app.db, 'doors-b', 'Billing targets');
});

/** Staff in a circle over the live socket, as a host's browser would be. */
async function hostIn(sessionId: string): Promise<ClientSocket> {
  const http = await signedInAs(e2e.app.url, 'staff@example.ca');
  const socket = await connectSocket(e2e.app.url, http.cookie('rm_sid'));
  expectOk(await command(socket, 'circle:join', { sessionId, displayName: 'Sasha' }));
  return socket;
}

describe('home and the pre-join page tell the truth about a circle, live', () => {
  it('show every circle open now, say at once when a host locks or ends one, and never invite into a closed one', async () => {
    const member = await e2e.open();
    await signInThroughUi(member, e2e.app.url, 'lawyer@example.ca', 'Coming back from parental leave');
    const card = (title: string) => member.locator('section.next-circle').filter({ hasText: title });
    for (const id of ['doors-a', 'doors-b']) {
      await card(`Test circle ${id}`).getByText('The doors are open').waitFor();
    }
    await member.getByRole('heading', { name: 'Also open now' }).waitFor();
    await expectAccessible(member, 'home with two circles open');

    const host = await hostIn(early);
    try {
      // Locked: the card says so and offers no way in, without a reload.
      expectOk(await command(host, 'circle:lock', { locked: true }));
      await card('Test circle doors-a').getByText('The host has closed this circle to newcomers').waitFor();
      expect(await card('Test circle doors-a').getByRole('button', { name: 'Join the circle' }).isDisabled()).toBe(true);
      expect(await card('Test circle doors-b').getByRole('button', { name: 'Join the circle' }).isEnabled()).toBe(true);
      await expectAccessible(member, 'home with a locked circle');

      // The pre-join page of the locked circle says so before anyone tries, and opens again when unlocked.
      await member.goto(`${e2e.app.url}/circles/${early}/join`);
      await member.getByTestId('doors-closed').getByText('closed this circle to newcomers').waitFor();
      const enter = member.getByRole('button', { name: 'Enter the circle' });
      expect(await enter.isDisabled()).toBe(true);
      await expectAccessible(member, 'the pre-join page of a locked circle');
      expectOk(await command(host, 'circle:lock', { locked: false }));
      await expect.poll(() => enter.isEnabled(), { timeout: 10_000 }).toBe(true);
      expect(await member.getByTestId('doors-closed').count()).toBe(0);

      // Ended: home drops it and shows the circle still open; the pre-join page says it ended.
      await member.goto(`${e2e.app.url}/`);
      await card('Test circle doors-a').waitFor();
      expectOk(await command(host, 'circle:end', {}));
      await expect.poll(() => card('Test circle doors-a').count(), { timeout: 10_000 }).toBe(0);
      await card('Test circle doors-b').getByText('The doors are open').waitFor();
      expect(await member.getByRole('heading', { name: 'Also open now' }).count()).toBe(0);
      await e2e.screenshot(member, 'home-after-end.png');
      await member.goto(`${e2e.app.url}/circles/${early}/join`);
      await member.getByTestId('doors-closed').getByText('This circle has ended').waitFor();
      expect(await member.getByRole('button', { name: 'Enter the circle' }).isDisabled()).toBe(true);
      expect(later).toMatch(/^doors-b_/);
    } finally {
      host.disconnect();
    }
  });

  it('the schedule says open, locked and ended as the host changes it, without a reload', async () => {
    // A circle of its own, made after the test above (home there counts the circles open).
    const id = await openCircleNow(e2e.app.db, 'doors-s', 'Holiday season');
    const member = await e2e.open();
    await signInThroughUi(member, e2e.app.url, 'student@example.ca', 'Holiday season');
    await member.goto(`${e2e.app.url}/schedule`);
    // Its next session, a week on, is in the list too: today's is the first.
    const item = member.getByTestId('session-item').filter({ hasText: 'Test circle doors-s' }).first();
    const state = item.getByTestId('doors-state');
    await expect.poll(() => state.textContent()).toBe('Open now');
    expect(await item.getByRole('link', { name: 'Join now' }).getAttribute('href')).toBe(`/circles/${id}/join`);
    // Nothing reloads the page from here: a marker set now would be gone after a reload.
    await member.evaluate(() => Object.assign(window, { stillThisPage: true }));

    const host = await hostIn(id);
    try {
      expectOk(await command(host, 'circle:lock', { locked: true }));
      await expect.poll(() => state.textContent(), { timeout: 10_000 }).toBe('Locked to newcomers');
      expect(await item.getByRole('link', { name: /^Join/ }).count()).toBe(0);
      await expectAccessible(member, 'the schedule with a locked circle');
      expectOk(await command(host, 'circle:lock', { locked: false }));
      await expect.poll(() => state.textContent(), { timeout: 10_000 }).toBe('Open now');
      expectOk(await command(host, 'circle:end', {}));
      await expect.poll(() => state.textContent(), { timeout: 10_000 }).toBe('Ended');
      expect(await item.getByRole('link', { name: /^Join/ }).count()).toBe(0);
      // Next week's session of the same circle is still to come.
      const next = member.getByTestId('session-item').filter({ hasText: 'Test circle doors-s' }).nth(1);
      expect(await next.getByTestId('doors-state').textContent()).toBe('Not open yet');
      expect(await member.evaluate(() => (window as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
      await e2e.screenshot(member, 'schedule-after-end.png');
    } finally {
      host.disconnect();
    }
  });
});
