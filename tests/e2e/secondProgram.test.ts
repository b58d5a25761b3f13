import { describe, expect, it } from 'vitest';
import { e2eSetup } from '../support/e2e';
import { NOVA_SCOTIA_FILE } from '../support/program';
import { PASSWORD } from '../support/users';

/**
 * The second program's pages (issue #19, item 4): the app run from the fictional Nova Scotia program file speaks
 * its default language, French, to a visitor whose browser asks for a language it does not offer, with `lang`
 * right from the first byte (a screen reader chooses its voice from it), the program's name and accent colour.
 */
const e2e = e2eSetup({ env: { PROGRAM_FILE: NOVA_SCOTIA_FILE } });
const NAME_FR = 'Cercle d’entraide des juristes de la Nouvelle-Écosse';

const accentOf = (page: import('playwright-core').Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--program-accent').trim());

describe('the Nova Scotia program in a browser', () => {
  it('a visitor whose browser asks for German gets the program default, French: lang="fr-CA", its name, its colour', async () => {
    const page = await e2e.open({ locale: 'de-DE' });
    const res = await page.goto(`${e2e.app.url}/`);
    // The shell as served, before any script: the language and the program's name.
    const served = (await res!.text()).slice(0, 2000);
    expect(served).toContain('<html lang="fr-CA">');
    expect(served).toContain(`<title>${NAME_FR}</title>`);
    await page.waitForURL(/\/signin/);
    // Once the session answer is in: the page keeps the program's language and wears its accent colour.
    await expect.poll(() => accentOf(page)).toBe('#1f5f99');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
    // The tab names the page and the program, in French; signed in, the header carries the program's short name.
    await expect.poll(() => page.title()).toBe(`Connexion · ${NAME_FR}`);
    await page.getByLabel('Courriel').fill('lawyer@example.ca');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const brand = page.getByRole('banner').getByRole('link', { name: 'Tasse bleue' });
    await brand.waitFor();
    await expect.poll(() => page.title()).toContain(NAME_FR);
    expect(await page.title()).not.toMatch(/Red Mug|Nova Scotia Lawyers/);
  });

  it('a browser that asks for English gets the English program; a chosen language (its cookie) wins from the first byte', async () => {
    const browser = await e2e.browser({ locale: 'en-US' });
    const page = browser.page;
    const res = await page.goto(`${e2e.app.url}/signin`);
    const served = (await res!.text()).slice(0, 2000);
    expect(served).toContain('<html lang="en-CA">');
    expect(served).toContain('<title>Nova Scotia Lawyers&#39; Peer Circle</title>');
    await expect.poll(() => accentOf(page)).toBe('#1f5f99');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-CA');
    // The language switch keeps a choice in the rm_locale cookie; with it, the page is French whatever the browser asks.
    await browser.context.addCookies([{ name: 'rm_locale', value: 'fr-CA', url: e2e.app.url }]);
    const again = await page.reload();
    expect((await again!.text()).slice(0, 2000)).toContain('<html lang="fr-CA">');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
  });

  it("the home page tells when the program's own weekly circle meets, in the person's language: Mondays at 12:30, Atlantic time", async () => {
    const signIn = async (locale: string, labels: { email: string; password: string; submit: string }) => {
      const page = await e2e.open({ locale });
      await page.goto(`${e2e.app.url}/signin`);
      await page.getByLabel(labels.email).fill('lawyer@example.ca');
      await page.getByLabel(labels.password).fill(PASSWORD);
      await page.getByRole('button', { name: labels.submit }).click();
      return page;
    };
    const fr = await signIn('fr-CA', { email: 'Courriel', password: 'Mot de passe', submit: 'Se connecter' });
    await fr.getByRole('heading', { name: 'À propos du cercle' }).waitFor();
    await fr.getByText(/^Tous les lundis à 12 h 30, heure de l’Atlantique, /).waitFor();
    expect(await fr.getByText(/Alberta|Every Monday/).count()).toBe(0);
    const en = await signIn('en-US', { email: 'Email', password: 'Password', submit: 'Sign in' });
    await en.getByRole('heading', { name: 'About the circle' }).waitFor();
    await en.getByText(/^Every Monday at 12:30 p\.m\., Atlantic time, /).waitFor();
    expect(await en.getByText(/at noon|Alberta/).count()).toBe(0);
  });
});
