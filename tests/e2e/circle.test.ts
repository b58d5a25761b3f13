import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { inboundBytes } from '../support/browser';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { openCircleNow } from '../support/openCircles';

const e2e = e2eSetup({ livekit: 'media' });
let sessionId: string;

beforeAll(async () => {
  sessionId = await openCircleNow(e2e.app.db, 'e2e', 'Returning from leave');
});

const signIn = (page: Page, email: string) => signInThroughUi(page, e2e.app.url, email, 'Returning from leave');
const enterCircle = (page: Page, displayName: string) => enterCircleThroughUi(page, sessionId, displayName);

describe('a member meets a red-mug volunteer in the Monday circle', () => {
  it('both see and hear each other, and only the volunteer wears the red mug', async () => {
    const [member, volunteer] = await Promise.all([e2e.open(), e2e.open()]);
    await Promise.all([signIn(member, 'lawyer@example.ca'), signIn(volunteer, 'volunteer@example.ca')]);
    await Promise.all([enterCircle(member, 'Lee K.'), enterCircle(volunteer, 'Val')]);

    for (const page of [member, volunteer]) {
      await expect.poll(() => page.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);
    }

    // Real media: bytes arriving on both audio and video, and still growing.
    for (const page of [member, volunteer]) {
      await expect
        .poll(() => inboundBytes(page), { timeout: 30_000 })
        .toSatisfy((b: { audio: number; video: number }) => b.audio > 0 && b.video > 0);
      const before = await inboundBytes(page);
      await expect
        .poll(() => inboundBytes(page), { timeout: 15_000 })
        .toSatisfy((b: { audio: number; video: number }) => b.audio > before.audio && b.video > before.video);
    }

    // The member sees the badge on the volunteer's tile, not on their own.
    const remote = member.locator('[data-testid="participant-tile"][data-local="false"]');
    const local = member.locator('[data-testid="participant-tile"][data-local="true"]');
    await expect.poll(() => remote.getByTestId('red-mug-badge').count()).toBe(1);
    expect(await local.getByTestId('red-mug-badge').count()).toBe(0);
    // The name comes from the live circle's list, the badge from LiveKit too: either may come first.
    await expect.poll(() => remote.textContent()).toContain('Val');
    expect(await remote.getByTestId('red-mug-badge').textContent()).toMatch(/Red mug volunteer/i);
    // And the volunteer sees no badge on the member.
    const memberTileForVolunteer = volunteer.locator('[data-testid="participant-tile"][data-local="false"]');
    expect(await memberTileForVolunteer.getByTestId('red-mug-badge').count()).toBe(0);
    // The participant list shows the same.
    const list = member.getByRole('list', { name: 'People in the circle' });
    expect(await list.getByText('Val').count()).toBeGreaterThan(0);
    expect(await list.getByTestId('red-mug-badge').count()).toBe(1);

    await e2e.screenshot(member, 'circle-member.png');

    // This screen's own view: pin Val (first, across the stage), hide the self-view (Val still sees two tiles),
    // and show it again.
    await member.getByRole('button', { name: 'Pin Val' }).click();
    expect(await member.getByRole('button', { name: 'Pin Val' }).getAttribute('aria-pressed')).toBe('true');
    expect(await remote.getAttribute('class')).toContain('pinned');
    await member.getByRole('button', { name: 'Hide self-view' }).click();
    await expect.poll(() => member.getByTestId('participant-tile').count()).toBe(1);
    expect(await volunteer.getByTestId('participant-tile').count()).toBe(2);
    await member.getByRole('button', { name: 'Show self-view' }).click();
    await expect.poll(() => member.getByTestId('participant-tile').count()).toBe(2);

    await member.getByRole('button', { name: 'Leave' }).click();
    await member.waitForURL(`${e2e.app.url}/`);
    await expect.poll(() => volunteer.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(1);

    // Back to the pre-join page: the name chosen last time is offered again on this device, and the camera and
    // microphone used; signing out forgets them.
    await member.getByRole('button', { name: 'Join the circle' }).click();
    const name = member.getByLabel('Display name');
    await expect.poll(() => name.inputValue()).toBe('Lee K.');
    const stored = await member.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('redmug:prejoin:')).map(([, v]) => JSON.parse(v)));
    expect(stored).toEqual([
      { displayName: 'Lee K.', cameraDeviceId: expect.any(String), microphoneDeviceId: expect.any(String), speakerDeviceId: expect.any(String), blurBackground: false },
    ]);
    expect(stored[0].cameraDeviceId).not.toBe('');
    await member.goto(`${e2e.app.url}/`);
    await member.getByRole('button', { name: 'Sign out' }).click();
    await member.waitForURL(/\/signin/);
    expect(await member.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('redmug:prejoin:')))).toEqual([]);
  });

  it('with LiveKit stopped, the circle page says plainly that audio and video are unavailable', async () => {
    await e2e.livekit.halt();
    try {
      const page = await e2e.open();
      await signIn(page, 'student@example.ca');
      await enterCircleThroughUi(page, sessionId, 'Sam', { media: false });
      const alert = page.getByRole('alert').filter({ hasText: 'Audio and video are unavailable' });
      await alert.waitFor({ timeout: 20_000 });
      expect(await page.getByText('Returning from leave').count()).toBeGreaterThan(0);
      await e2e.screenshot(page, 'circle-no-media.png');
    } finally {
      await e2e.livekit.restart();
    }
  });

  it('in French (chosen with the switcher, kept on the account), the home and pre-join pages read in French', async () => {
    const page = await e2e.open();
    await signIn(page, 'student@example.ca');
    try {
      await page.getByLabel('Language').selectOption('fr-CA');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
      // The home page: its title from the program, the circle card and the about section in French.
      await page.getByRole('heading', { name: 'À propos du cercle' }).waitFor();
      expect(await page.getByText('Rien n’est enregistré dans un cercle. Ce qui se dit ici reste ici.').count()).toBe(1);
      expect(await page.getByText('Sujet : Returning from leave').count()).toBe(1);
      expect(await page.getByText('Les portes sont ouvertes. Entrez quand vous voulez.').count()).toBe(1);

      // Still French after a reload: the choice is the account's.
      await page.reload();
      await page.getByRole('button', { name: 'Rejoindre le cercle' }).click();
      await page.waitForURL(new RegExp(`/circles/${sessionId}/join$`));
      await page.getByRole('heading', { name: 'Préparez-vous à entrer', level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
      expect(await page.getByRole('heading', { name: 'Avant d’entrer' }).count()).toBe(1);
      expect(await page.getByLabel('Nom affiché').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Entrer dans le cercle' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: '← Retour à la page d’accueil' }).count()).toBe(1);
      // The shared name rule's refusal, in French, beside the field.
      await page.getByLabel('Nom affiché').fill('Sam (host)');
      await page.getByRole('button', { name: 'Entrer dans le cercle' }).click();
      await page.getByText(/^Choisissez un nom sans « red mug »/).waitFor();
    } finally {
      // The account keeps its language: back to English for whatever runs next with it.
      await page.getByLabel('Langue').selectOption('en-CA');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en-CA');
    }
  });
});
