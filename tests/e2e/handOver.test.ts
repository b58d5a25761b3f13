import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { popupStartedAgo } from '../support/openCircles';
import { agreeToPledge } from '../support/pledge';
import { PASSWORD } from '../support/users';

// Text only (no LiveKit): who hosts is the live circle's, with or without audio and video.
const e2e = e2eSetup();
let SESSION: string;

beforeAll(async () => {
  // A pop-up that started six minutes ago by the real clock (the browsers read the same one): past the host's
  // five-minute grace. Its host never comes; its backup is Val.
  const host = await e2e.app.services.auth.createUser({ email: 'hal@example.ca', firstName: 'Hal', role: 'volunteer', memberKind: null, password: PASSWORD });
  await agreeToPledge(e2e.app, host!.id);
  SESSION = (await popupStartedAgo(e2e.app.db, 'handover-e2e', 6, { hostId: host!.id, backupId: e2e.people.volunteer.id })).sessionId;
});

/** Straight to the circle's pre-join page, a name typed in, and in. */
async function enter(page: Page, name: string) {
  await page.goto(`${e2e.app.url}/circles/${SESSION}/join`);
  await page.getByText('Nothing in a circle is recorded').waitFor();
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Enter the circle' }).click();
  await page.waitForURL(new RegExp(`/circles/${SESSION}$`));
}

describe('the host has not come five minutes after the start', () => {
  it('the backup joins and the UI shows they are hosting; the others see the notice', async () => {
    const [member, backup] = await Promise.all([e2e.open(), e2e.open()]);
    await Promise.all([
      signInThroughUi(member, e2e.app.url, 'lawyer@example.ca', 'Pop-up handover-e2e'),
      signInThroughUi(backup, e2e.app.url, 'volunteer@example.ca', 'Pop-up handover-e2e'),
    ]);
    await enter(member, 'Lee');
    await member.getByText('Waiting for the host… You are in the right place.').waitFor();

    await enter(backup, 'Val');
    await backup.getByTestId('host-change').getByText('You are now hosting this circle').waitFor();
    await backup.getByRole('heading', { name: 'Hosting' }).waitFor();
    await backup.getByRole('button', { name: 'Lock circle' }).waitFor();
    const valInList = member.getByRole('list', { name: 'People in the circle' }).getByRole('listitem').filter({ hasText: 'Val' });
    await valInList.getByText('Hosting').waitFor();

    await member.getByTestId('host-change').getByText('Val is now hosting.').waitFor();
    await expectAccessible(member, 'the circle with the hand-over notice');
    await expectAccessible(backup, 'the circle for its new host');
    await e2e.screenshot(member, 'hand-over-notice.png');

    // Their host controls work: the member sees the circle locked.
    await backup.getByRole('button', { name: 'Lock circle' }).click();
    await member.getByText('Locked: no new people can join').waitFor();
  });
});

describe('staff let any red mug volunteer present take over, for a series', () => {
  it('is a setting of the series, in its settings on the sessions view', async () => {
    const staff = await e2e.open();
    await signInThroughUi(staff, e2e.app.url, 'staff@example.ca', 'Run the schedule');
    await staff.goto(`${e2e.app.url}/staff/schedule/sessions?series=handover-e2e`);
    const setting = staff.getByRole('checkbox', { name: /Any red mug volunteer present may take over hosting/ });
    expect(await setting.isChecked()).toBe(false);
    await setting.check();
    await expect.poll(() => setting.isChecked()).toBe(true);
    await expect.poll(async () => (await e2e.app.db.query<{ on: boolean }>('SELECT any_volunteer_may_host AS on FROM circle_series WHERE id = $1', ['handover-e2e']))[0]!.on).toBe(true);
    await expectAccessible(staff, 'the series settings with the take-over setting');
  });
});
