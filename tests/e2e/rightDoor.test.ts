import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { openCircleNow } from '../support/openCircles';
import { programEnv } from '../support/program';

/**
 * "Which kind of help fits?" (issue #18, item 6): one page naming the four doors — the circle for career and
 * community, matched peer support for personal matters, professional counselling with the society's intake line
 * from configuration, and 9-8-8 for crisis — reached from sign-in, home, the pre-join page, the circle's support
 * panel and the request form, and open to someone not signed in.
 */
const e2e = e2eSetup({
  livekit: 'media',
  env: programEnv({ counselling: { phone: '1-877-555-0100', hours: { 'en-CA': 'weekdays 8:30 a.m. to 4:30 p.m., Alberta time' } } }),
});
let sessionId: string;
beforeAll(async () => {
  sessionId = await openCircleNow(e2e.app.db, 'right-door', 'Changing firms');
});

const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the right door', () => {
  it('someone not signed in finds it from sign-in, chooses by keyboard, and is pointed to a door; the intake line comes from configuration', async () => {
    const page = await e2e.open({ phone: true });
    await page.goto(`${e2e.app.url}/signin`);
    await page.getByRole('link', { name: /Which kind of help fits/ }).first().click();
    await page.waitForURL(/\/help$/);
    await page.getByRole('heading', { name: 'Which kind of help fits?', level: 1 }).waitFor();
    // Not sent to sign in: the page and the society's line are there without an account.
    const line = page.getByRole('link', { name: '1-877-555-0100' });
    await line.waitFor();
    expect(await line.getAttribute('href')).toBe('tel:18775550100');
    await page.getByText('weekdays 8:30 a.m. to 4:30 p.m., Alberta time').waitFor();
    expect(await page.getByRole('link', { name: '9-8-8' }).first().getAttribute('href')).toBe('tel:988');
    await page.getByText('Peer support is never advice.').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'help (signed out, phone)');

    // By keyboard: into the question, arrow between answers; the suggestion is read out (a status region).
    await page.getByRole('radio', { name: /Talking about work, career/ }).focus();
    await page.keyboard.press('Space');
    const suggestion = page.getByRole('status').filter({ hasText: 'Suggested for you' });
    await expect.poll(() => suggestion.textContent()).toBe('Suggested for you: the Red Mug Coffee Circle.');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => suggestion.textContent()).toBe('Suggested for you: matched peer support.');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => suggestion.textContent()).toBe('Suggested for you: professional counselling.');
    await page.getByRole('radio', { name: /I am in crisis/ }).check();
    await expect.poll(() => suggestion.textContent()).toBe('Suggested for you: call or text 9-8-8.');
    await page.getByRole('radio', { name: 'I am not sure' }).check();
    await expect.poll(() => suggestion.textContent()).toBe('Suggested for you: professional counselling.');
    await expectAccessible(page, 'help (a door suggested)');

    // The peer-support door asks for a sign-in first, then lands on the request form.
    await page.getByRole('link', { name: 'Ask for a matched peer' }).click();
    await page.waitForURL(/\/signin/);
  });

  it('a member reaches it from home, the request form (which says peer support is never advice), the pre-join page and the circle', async () => {
    const page = await e2e.open();
    await signInThroughUi(page, e2e.app.url, 'lawyer@example.ca', 'Changing firms');
    const openHelp = async (from: string) => {
      await page.getByRole('link', { name: 'Which kind of help fits?' }).first().click();
      await page.waitForURL(/\/help$/);
      await page.getByRole('heading', { name: 'Which kind of help fits?', level: 1 }).waitFor();
      await page.getByRole('link', { name: '1-877-555-0100' }).waitFor();
      expect(await page.getByRole('link', { name: '1-877-555-0100' }).count(), from).toBe(1);
    };
    await page.getByRole('heading', { name: 'About the circle' }).waitFor();
    await openHelp('home');

    await page.goto(`${e2e.app.url}/support/request`);
    await page.getByText('Peer support is never advice.').waitFor();
    await openHelp('the request form');

    await page.goto(`${e2e.app.url}/`);
    await page.getByRole('button', { name: 'Join the circle' }).click();
    await page.getByText('Nothing in a circle is recorded').waitFor();
    await openHelp('the pre-join page');

    // In the circle the link opens a new tab, so the call goes on.
    await page.goto(`${e2e.app.url}/`);
    await enterCircleThroughUi(page, sessionId, 'Lee', { media: false });
    const panelLink = page.getByRole('link', { name: 'Which kind of help fits? (opens in a new tab)' });
    await panelLink.waitFor();
    const [tab] = await Promise.all([page.context().waitForEvent('page'), panelLink.click()]);
    await tab.getByRole('heading', { name: 'Which kind of help fits?', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/circles/${sessionId}`);
    // The circle's own panel names the same line next to 9-8-8.
    await page.getByRole('complementary', { name: 'Not a crisis service' }).getByText(/1-877-555-0100/).waitFor();
  });
});
