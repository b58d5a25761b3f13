import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { openCircleNow } from '../support/openCircles';

// Text only (no LiveKit): knocking is about the live circle's doors, which work with or without audio and video.
const e2e = e2eSetup();
let SESSION: string;

beforeAll(async () => {
  SESSION = await openCircleNow(e2e.app.db, 'knock-e2e', 'Finding a mentor');
});

/** The pre-join page of the circle, with a display name typed in. */
async function preJoin(page: Page, name: string) {
  await page.goto(`${e2e.app.url}/circles/${SESSION}/join`);
  await page.getByText('Nothing in a circle is recorded').waitFor();
  await page.getByLabel('Display name').fill(name);
}

describe('knocking at a locked circle, through the UI', () => {
  it('a host locks; a member knocks in their browser; the host sees the name and lets them in; the member is in', async () => {
    const [host, member] = await Promise.all([e2e.open(), e2e.open()]);
    await Promise.all([
      signInThroughUi(host, e2e.app.url, 'staff@example.ca', 'Finding a mentor'),
      signInThroughUi(member, e2e.app.url, 'lawyer@example.ca', 'Finding a mentor'),
    ]);
    await preJoin(host, 'Sasha');
    await host.getByRole('button', { name: 'Enter the circle' }).click();
    await host.waitForURL(new RegExp(`/circles/${SESSION}$`));
    await host.getByRole('button', { name: 'Lock circle' }).click();
    await host.getByText('Locked: no new people can join').waitFor();

    // Locked: no way straight in, but a knock.
    await preJoin(member, 'Lee');
    await member.getByTestId('doors-closed').getByText('closed this circle to newcomers').waitFor();
    expect(await member.getByRole('button', { name: 'Enter the circle' }).isDisabled()).toBe(true);
    await member.getByRole('button', { name: 'Knock to ask to come in' }).click();
    await member.getByTestId('knock-status').getByText('Waiting for the host to let you in…').waitFor();
    await expectAccessible(member, 'the pre-join page while knocking');

    // The member gives up: the host's door panel empties.
    const door = host.getByTestId('knocks');
    await door.getByText('Someone would like to join: Lee').waitFor();
    await expectAccessible(host, 'the circle with someone at the door');
    await member.getByRole('button', { name: 'Stop waiting' }).click();
    await expect.poll(() => door.count(), { timeout: 10_000 }).toBe(0);

    // Declined: a kind message, and what to do next.
    await member.getByRole('button', { name: 'Knock to ask to come in' }).click();
    await host.getByRole('button', { name: 'Decline Lee' }).click();
    const declined = member.getByRole('alert').filter({ hasText: 'not letting anyone else in just now' });
    await declined.waitFor();
    expect(await declined.getByRole('link', { name: 'Ask for matched peer support' }).getAttribute('href')).toBe('/support/request');
    expect(await declined.getByRole('link', { name: 'See the next circles' }).getAttribute('href')).toBe('/');
    await expectAccessible(member, 'the pre-join page after a declined knock');

    // Knocks again, and is let in: straight into the circle, where the host sees them too.
    await member.getByRole('button', { name: 'Knock again' }).click();
    await host.getByRole('button', { name: 'Let in Lee' }).click();
    await member.waitForURL(new RegExp(`/circles/${SESSION}$`));
    const people = member.getByRole('list', { name: 'People in the circle' });
    await people.getByText('Lee').waitFor();
    await people.getByText('Sasha').waitFor();
    await host.getByRole('list', { name: 'People in the circle' }).getByText('Lee').waitFor();
    expect(await door.count()).toBe(0);
    await e2e.screenshot(member, 'knock-admitted.png');
  });
});
