import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/catalog';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { openCircleNow } from '../support/openCircles';
import { PASSWORD } from '../support/users';

/**
 * The member journey once in French (issue #19, item 2): a lawyer whose browser asks for French signs in, finds the
 * circle, goes through the pre-join page, meets an English-speaking volunteer in the circle and leaves — every word
 * on the way from the fr-CA catalog, `lang` right for the screen reader, times in French typography ("12 h 30").
 * The volunteer's browser, in the same circle, stays English.
 */
const e2e = e2eSetup({ livekit: 'media' });
const TOPIC = 'Retour de congé parental';
let sessionId: string;

const fr = translator('fr-CA', { program: 'Cercle café Red Mug', programShort: 'Red Mug', zone: 'heure de l’Alberta' });

beforeAll(async () => {
  sessionId = await openCircleNow(e2e.app.db, 'e2e', TOPIC);
});

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('the member journey in French', () => {
  it('sign-in, home, pre-join, the circle with an English volunteer, and leaving, all in French', async () => {
    const member = await e2e.open({ locale: 'fr-CA' });
    const volunteer = await e2e.open({ locale: 'en-CA' });

    // Signed out, the browser's Accept-Language chooses French: the sign-in page, written out by hand here so a
    // catalog that fell back to English could not pass.
    await member.goto(`${e2e.app.url}/`);
    await member.waitForURL(/\/signin/);
    await member.getByRole('button', { name: 'Se connecter' }).waitFor();
    expect(await lang(member)).toBe('fr-CA');
    await member.getByLabel('Courriel').fill('lawyer@example.ca');
    await member.getByLabel('Mot de passe').fill(PASSWORD);
    await member.getByRole('button', { name: 'Se connecter' }).click();

    // Home: the circle card with its topic, the way in, and the time in French typography.
    await member.getByText(TOPIC).first().waitFor();
    const join = member.getByRole('button', { name: 'Rejoindre le cercle' });
    await join.waitFor();
    const home = (await member.locator('main').textContent()) ?? '';
    expect(home).toMatch(/\d{1,2} h( \d{2})?/);
    expect(home).not.toMatch(/\b(a\.m\.|p\.m\.|AM|PM)\b/i);
    expect(home).not.toContain('Join the circle');

    // Pre-join in French: the confidentiality promise, the device buttons and the name field.
    await signInThroughUi(volunteer, e2e.app.url, 'volunteer@example.ca', TOPIC);
    await join.click();
    await member.waitForURL(new RegExp(`/circles/${sessionId}/join$`));
    await member.getByText(fr('circles.notRecorded')).waitFor();
    expect(fr('circles.notRecorded')).toMatch(/^Rien n’est enregistré/);
    const camera = member.getByRole('button', { name: 'Caméra', exact: true });
    const mic = member.getByRole('button', { name: 'Micro', exact: true });
    await camera.click();
    await mic.click();
    await expect.poll(() => camera.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => mic.getAttribute('aria-pressed')).toBe('true');
    await member.getByLabel('Nom affiché').fill('Léa K.');
    await member.getByRole('button', { name: 'Entrer dans le cercle' }).click();
    await member.waitForURL(new RegExp(`/circles/${sessionId}$`));

    await enterCircleThroughUi(volunteer, sessionId, 'Val');

    // In the circle: both tiles, the volunteer's red mug named in French for the member and in English for the
    // volunteer's own browser; the people list and the toolbar in French.
    for (const page of [member, volunteer]) {
      await expect.poll(() => page.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);
    }
    const remote = member.locator('[data-testid="participant-tile"][data-local="false"]');
    await expect.poll(() => remote.getByTestId('red-mug-badge').count()).toBe(1);
    expect(await remote.getByTestId('red-mug-badge').textContent()).toContain('Bénévole à la tasse rouge');
    const list = member.getByRole('list', { name: 'Personnes dans le cercle' });
    await expect.poll(() => list.getByText('Val').count()).toBeGreaterThan(0);
    expect(await lang(member)).toBe('fr-CA');
    expect(await lang(volunteer)).toBe('en-CA');
    await volunteer.getByRole('list', { name: 'People in the circle' }).waitFor();
    await volunteer.getByRole('button', { name: 'Leave' }).waitFor();
    await e2e.screenshot(member, 'circle-member-fr.png');

    // Leaving: back home, still in French, and the volunteer sees one tile again.
    await member.getByRole('button', { name: 'Quitter' }).click();
    await member.waitForURL(`${e2e.app.url}/`);
    await join.waitFor();
    await expect.poll(() => volunteer.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(1);

    // The switch on the page keeps the choice on the account: English now, and still English after a reload
    // from this French-speaking browser.
    await member.getByLabel('Langue').selectOption('en-CA');
    await member.getByRole('button', { name: 'Join the circle' }).waitFor();
    expect(await lang(member)).toBe('en-CA');
    await member.reload();
    await member.getByRole('button', { name: 'Join the circle' }).waitFor();
    expect(await lang(member)).toBe('en-CA');
  });
});
