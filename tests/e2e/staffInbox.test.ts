import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { signedInAs } from '../support/httpClient';
import { command, connectSocket, expectOk, type ClientSocket } from '../support/sockets';

/**
 * Issue #16: staff have one inbox for both kinds of request, and the header's "Requests" link counts what waits —
 * live for a one-on-one request (the staff socket), at the next navigation for a peer-support request.
 */
const e2e = e2eSetup();
const sockets: ClientSocket[] = [];
afterAll(() => sockets.forEach((s) => s.disconnect()));

describe('the staff inbox in the browser', () => {
  it('counts waiting requests on the header link, lists both kinds oldest first, and links to where each is handled', async () => {
    const staff = await e2e.open();
    await signInThroughUi(staff, e2e.app.url, 'staff@example.ca', 'Sign out');
    const header = staff.locator('header');
    const link = (name: string) => header.getByRole('link', { name, exact: true });
    await link('Requests, none waiting').waitFor();

    // Sam asks for one-on-one support: the badge counts it without a reload.
    const sam = await signedInAs(e2e.app.url, 'student@example.ca');
    const socket = await connectSocket(e2e.app.url, sam.cookie('rm_sid'));
    sockets.push(socket);
    expectOk(await command(socket, 'support:request', {}));
    await link('Requests, 1 waiting').waitFor();
    expect(await header.getByTestId('requests-badge').textContent()).toBe('1');

    // Lee asks for a matched peer: counted at the next page.
    const lee = await signedInAs(e2e.app.url, 'lawyer@example.ca');
    const asked = await lee.post('/api/matching/requests', { category: 'workplace', details: 'a private matter', contact: { method: 'phone', phone: '780 555 0100' } });
    expect(asked.status).toBe(201);
    await link('Requests, 1 waiting').click();
    await staff.waitForURL(/\/staff\/requests$/);
    await staff.getByRole('heading', { name: 'Requests', level: 1 }).waitFor();
    await link('Requests, 2 waiting').waitFor();
    await staff.getByRole('status').filter({ hasText: '2 requests are waiting.' }).waitFor();

    const items = staff.getByRole('list', { name: 'Waiting requests, oldest first' }).getByRole('listitem');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toMatch(/^One-on-one support.*Sam/);
    expect(await items.nth(1).textContent()).toMatch(/^Matched peer support.*Workplace/i);
    expect(await items.nth(1).textContent()).not.toContain('a private matter');
    await expectAccessible(staff, 'the staff inbox');
    await e2e.screenshot(staff, 'staff-inbox.png', { fullPage: true });

    // The peer-support request opens where it is matched.
    expect(await items.nth(1).getByRole('link').getAttribute('href')).toBe(`/support/requests/${asked.body.id}`);
    // The one-on-one request is handled on its own page; the badge goes down at once.
    await items.nth(0).getByRole('link', { name: 'Contact Sam, then mark it handled' }).click();
    await staff.waitForURL(/\/staff\/support$/);
    await staff.getByRole('button', { name: 'Mark handled' }).click();
    await staff.getByText("Marked Sam's request as handled.").waitFor();
    await link('Requests, 1 waiting').waitFor();
  });

  it('fits a phone without scrolling sideways', async () => {
    const phone = await e2e.open({ phone: true });
    await signInThroughUi(phone, e2e.app.url, 'staff@example.ca', 'Sign out');
    await phone.goto(`${e2e.app.url}/staff/requests`);
    await phone.getByRole('status').filter({ hasText: '1 request is waiting.' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(phone, 'the staff inbox on a phone');
    await e2e.screenshot(phone, 'staff-inbox-phone.png', { fullPage: true });
  });
});
