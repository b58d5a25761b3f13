import type { Page } from 'playwright-core';
import { recordReadiness } from '../support/readiness';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PeerProfile } from '../../shared/schemas/matching';
import { roomNameFor } from '../../server/src/livekit/identities';
import { framesDecoded } from '../support/browser';
import { e2eSetup } from '../support/e2e';
import { expectAccessible } from '../support/axe';
import { GCM } from '../support/livekit';
import { TEST_SECRET } from '../support/testApp';
import { PASSWORD } from '../support/users';

const SECRET_TEXT = 'Thinking of leaving private practice and scared to say it';
const e2e = e2eSetup({ livekit: 'media' });

const profile: PeerProfile = {
  practiceAreas: ['corporate_commercial'],
  region: 'calgary',
  municipality: 'Calgary',
  workRole: 'in_house',
  yearOfCall: 2008,
  languages: ['English', 'French'],
  gender: undefined,
  diversity: [],
  livedExperience: ['career_pivot'],
  organisation: 'Northwind Energy',
  capacity: 2,
  available: true,
  shown: ['practiceAreas', 'location', 'workRole', 'yearOfCall', 'languages', 'livedExperience'],
};

beforeAll(async () => {
  await e2e.app.services.matching.saveProfile(e2e.people.volunteer, profile);
  const conflicted = await e2e.app.services.auth.createUser({
    email: 'conflicted@example.ca',
    firstName: 'Casey',
    role: 'volunteer',
    memberKind: null,
    password: PASSWORD,
  });
  await e2e.app.services.matching.saveProfile(conflicted!, { ...profile, organisation: 'Acme Law LLP' });
  await recordReadiness(e2e.app, conflicted!.id);
});

/** Opens `path` signed out, signs in on the page it is sent to, and lands back on `path`. */
async function openAs(email: string, path: string): Promise<Page> {
  const page = await e2e.open();
  await page.goto(`${e2e.app.url}${path}`);
  await page.waitForURL(/\/signin/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${e2e.app.url}${path}`);
  return page;
}

describe('matched peer support from intake to an accepted match', () => {
  it('a member asks, staff see ranked suggestions with reasons and propose, the volunteer accepts, counts update', async () => {
    // The member, referred from a circle.
    const member = await openAs('lawyer@example.ca', '/support/request?from=circle');
    await member.getByText('You came from the circle.').waitFor();
    // Submitting with nothing chosen shows the server's message, and nothing is sent.
    await member.getByRole('button', { name: 'Send my request' }).click();
    await member.getByRole('alert').filter({ hasText: /Please check/ }).waitFor();
    await member.getByRole('radio', { name: 'Career and job search' }).check();
    await member.getByLabel('In your own words (optional)').fill(SECRET_TEXT);
    await member.getByLabel('Your firm or organisation (optional)').fill('Acme Law');
    await member.getByLabel('Work role').selectOption('in_house');
    // The header's language switcher is labelled "Language" too: the form's is the text box.
    await member.getByRole('textbox', { name: 'Language', exact: true }).fill('french');
    await member.getByRole('checkbox', { name: 'A career pivot' }).check();
    await member.getByLabel('Email for contact').fill('lee.home@example.ca');
    await member.getByRole('button', { name: 'Send my request' }).click();
    await member.getByText('Your request is with staff').waitFor();
    // Nobody but staff can read a request, in the UI as in the API.
    const [requestId] = (await e2e.app.db.query<{ id: string }>('SELECT id FROM support_requests')).map((r) => r.id);
    await member.goto(`${e2e.app.url}/support/requests/${requestId}`);
    await member.getByRole('alert').filter({ hasText: 'Your account cannot do this' }).waitFor();
    expect(await member.getByText(SECRET_TEXT).count()).toBe(0);

    // Staff: the queue, the request, the suggestions.
    const staff = await openAs('staff@example.ca', '/support/queue');
    const row = staff.getByRole('row').filter({ hasText: 'Career and job search' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Lawyer');
    expect(await row.textContent()).toContain('Open');
    await row.getByRole('link').click();
    await staff.getByText(SECRET_TEXT).waitFor();
    const suggestions = staff.getByRole('list', { name: 'Suggested peers' });
    const val = suggestions.getByRole('listitem', { name: 'Val', exact: true });
    await val.waitFor();
    expect(await val.textContent()).toContain('score 8 of 8');
    expect(await val.textContent()).toContain('Speaks french');
    const casey = suggestions.getByRole('listitem', { name: 'Casey', exact: true });
    expect(await casey.textContent()).toContain('Excluded: Same firm or organisation');
    expect(await casey.getByRole('button').count()).toBe(0);

    // Weights: making language worthless changes the score shown.
    await staff.getByText('Weights of the criteria').click();
    await staff.getByLabel(/^Language: 3$/).fill('0');
    await staff.getByRole('button', { name: 'Re-rank with these weights' }).click();
    await expect.poll(() => val.textContent()).toContain('score 5 of 5');
    await e2e.screenshot(staff, 'matching-suggestions.png', { fullPage: true });
    await val.getByRole('button', { name: 'Propose Val' }).click();
    await staff.getByText('Val: proposed').waitFor();

    // The volunteer sees the topic only, and accepts.
    const volunteer = await openAs('volunteer@example.ca', '/support/proposals');
    const card = volunteer.getByRole('listitem', { name: 'Career and job search · Lawyer' });
    await card.waitFor();
    expect(await volunteer.getByText(SECRET_TEXT).count()).toBe(0);
    await card.getByRole('button', { name: 'Accept' }).click();
    await card.getByText(/^Active since/).waitFor();

    // Counts update for staff.
    await staff.goto(`${e2e.app.url}/support/queue`);
    await staff.getByRole('heading', { name: /1 active in total/ }).waitFor();
    expect(await staff.getByRole('row').filter({ hasText: 'Career and job search' }).textContent()).toContain('Matched');
    expect(await staff.getByRole('row').filter({ hasText: 'Val' }).textContent()).toContain('1');
    await staff.goto(`${e2e.app.url}/support/stats`);
    await staff.getByRole('heading', { name: 'Matches made: 1' }).waitFor();
    expect(await staff.getByRole('row').filter({ hasText: 'Career and job search' }).textContent()).toContain('fewer than 5');

    // The member is told in the e2e.app.
    await member.goto(`${e2e.app.url}/support`);
    await member.getByText('A trained peer has agreed to talk with you').waitFor();
    expect(await member.getByText(/Career and job search: Matched/).count()).toBe(1);

    // The pair meet in their private room, through the same check as a circle's: nothing is on until chosen.
    await member.getByRole('link', { name: 'Open your private video room' }).click();
    await member.getByRole('heading', { name: 'Camera and microphone' }).waitFor();
    await expectAccessible(member, 'private room, before entering');
    for (const device of ['Camera', 'Microphone']) {
      const toggle = member.getByRole('button', { name: device, exact: true });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    }
    await member.getByLabel('Your name in the room').fill('Lee');
    await member.getByRole('button', { name: 'Enter the room' }).click();
    await member.getByText('Waiting for your peer…').waitFor({ timeout: 30_000 });
    await card.getByRole('link', { name: 'Open the private video room' }).click();
    await volunteer.getByRole('button', { name: 'Enter the room' }).click();
    for (const page of [member, volunteer]) {
      await expect.poll(() => page.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);
    }
    expect(await member.getByTestId('participant-tile').filter({ hasText: 'Your peer' }).count()).toBe(1);
    expect(await member.getByTestId('participant-tile').filter({ hasText: 'Lee (you)' }).count()).toBe(1);
    // The volunteer came in with camera and microphone off, as chosen: LiveKit has nothing of theirs until they turn them on.
    const rooms = e2e.app.media.roomService()!;
    const pairRoom = roomNameFor(TEST_SECRET, `match_${(await e2e.app.db.query<{ id: string }>("SELECT id FROM peer_matches WHERE status = 'active'"))[0]!.id}`);
    const published = async () => (await rooms.listParticipants(pairRoom)).map((p) => p.tracks.length).sort();
    await expect.poll(published, { timeout: 15_000 }).toEqual([0, 2]);
    const dock = volunteer.getByRole('region', { name: 'Call controls' });
    await dock.getByRole('button', { name: 'Camera', exact: true }).click();
    await dock.getByRole('button', { name: 'Microphone', exact: true }).click();
    await expect.poll(published, { timeout: 15_000 }).toEqual([2, 2]);
    await expectAccessible(member, 'private room, in the call');
    // Encrypted end to end: both decode each other's video, and LiveKit relays only AES-GCM tracks it cannot read.
    for (const page of [member, volunteer]) await expect.poll(() => framesDecoded(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const tracks = (await rooms.listParticipants(pairRoom)).flatMap((p) => p.tracks);
    expect(tracks.length).toBeGreaterThanOrEqual(4);
    for (const t of tracks) expect(t.encryption, `${t.type} track`).toBe(GCM);
    await e2e.screenshot(member, 'matching-pair-room.png');
  });
});
