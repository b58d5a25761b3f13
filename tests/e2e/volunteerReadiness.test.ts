import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { participantIdentity, roomNameFor } from '../../server/src/livekit/identities';
import { expectAccessible } from '../support/axe';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { openCircleNow } from '../support/openCircles';
import { TEST_SECRET } from '../support/testApp';

/**
 * Issue #18, item 2, through the browser on the real clock: a current volunteer in a live circle wears the red mug
 * for a member; staff record her confidentiality undertaking as lapsed on the Volunteer readiness page; the member's
 * screen stops showing the mug on her at once (her tile, which follows LiveKit's badge attribute, and the list of
 * people, which follows the live circle), LiveKit's attribute is cleared, and she sees why on her own page.
 */
const e2e = e2eSetup({ livekit: 'media' });
const TOPIC = 'Volunteers who are current';
let sessionId: string;

beforeAll(async () => {
  sessionId = await openCircleNow(e2e.app.db, 'e2e-readiness', TOPIC);
});

const signIn = (page: Page, email: string) => signInThroughUi(page, e2e.app.url, email, TOPIC);

describe('a lapsed undertaking takes the red mug off', () => {
  it('the member sees the red mug on the volunteer, staff record the lapse, and it is gone at once', async () => {
    const [member, volunteer, staff] = await Promise.all([e2e.open(), e2e.open(), e2e.open()]);
    await Promise.all([signIn(member, 'lawyer@example.ca'), signIn(volunteer, 'volunteer@example.ca'), signIn(staff, 'staff@example.ca')]);
    await Promise.all([enterCircleThroughUi(member, sessionId, 'Lee K.', { media: false }), enterCircleThroughUi(volunteer, sessionId, 'Val', { media: false })]);
    await expect.poll(() => member.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);

    const valTile = member.locator('[data-testid="participant-tile"][data-local="false"]');
    const list = member.getByRole('list', { name: 'People in the circle' });
    await expect.poll(() => valTile.getByTestId('red-mug-badge').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => list.getByTestId('red-mug-badge').count(), { timeout: 20_000 }).toBe(1);
    const rooms = e2e.app.media.roomService()!;
    const room = roomNameFor(TEST_SECRET, sessionId);
    const valIdentity = participantIdentity(TEST_SECRET, e2e.people.volunteer.id, sessionId);
    // LiveKit drops an attribute set to '' (cleared): read a missing one as ''. The role stays.
    const badge = async () => {
      const { attributes } = await rooms.getParticipant(room, valIdentity);
      return `${attributes.role}:${attributes.badge ?? ''}`;
    };
    await expect.poll(badge, { timeout: 20_000 }).toBe('volunteer:red-mug');

    // Staff find Val on the Volunteer readiness page (from People) and record her undertaking as lapsed.
    await staff.goto(`${e2e.app.url}/staff/people`);
    await staff.getByRole('link', { name: /Volunteer readiness/ }).click();
    await staff.waitForURL(/\/staff\/volunteers$/);
    await staff.getByRole('heading', { name: 'Volunteer readiness', level: 1 }).waitFor();
    const dueNone = staff.getByRole('list', { name: 'Volunteers who are not current' });
    await dueNone.getByText('Everyone is current.').waitFor();
    await expectAccessible(staff, 'volunteer readiness');
    // On a phone: nothing scrolls sideways.
    await staff.setViewportSize({ width: 390, height: 844 });
    expect(await staff.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await e2e.screenshot(staff, 'volunteer-readiness-phone.png', { fullPage: true });
    await staff.getByRole('button', { name: 'Record Val’s undertaking as lapsed' }).click();
    await staff.getByRole('status').filter({ hasText: 'Val: confidentiality undertaking recorded as lapsed.' }).waitFor();
    await staff.getByRole('list', { name: 'Volunteers who are not current' }).getByText(/Val: confidentiality undertaking not on record/).waitFor();

    // The member's screen: no red mug on Val any more, on her tile or in the list; LiveKit has cleared it too.
    await expect.poll(() => list.getByTestId('red-mug-badge').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => valTile.getByTestId('red-mug-badge').count(), { timeout: 20_000 }).toBe(0);
    expect(await list.getByText('Val').count()).toBeGreaterThan(0);
    await expect.poll(badge, { timeout: 20_000 }).toBe('volunteer:');
    await e2e.screenshot(member, 'readiness-lapsed-member.png');

    // Val reads why on her assignments page.
    await volunteer.goto(`${e2e.app.url}/assignments`);
    const own = volunteer.getByRole('region', { name: 'My training and confidentiality undertaking' });
    await own.getByText('Not current').waitFor();
    expect(await own.textContent()).toContain('Confidentiality undertaking (Code of Conduct): Not on record');
    await expectAccessible(volunteer, 'assignments with readiness not current');

    // Staff record the undertaking again (signed today): Val is current.
    const today = await staff.getByLabel('Undertaking signed (Val)').getAttribute('max');
    await staff.getByLabel('Undertaking signed (Val)').fill(today!);
    await staff.getByRole('button', { name: 'Save dates for Val' }).click();
    await staff.getByRole('status').filter({ hasText: 'Val: dates recorded.' }).waitFor();
    await staff.getByRole('list', { name: 'Volunteers who are not current' }).getByText('Everyone is current.').waitFor();
  });
});
